// The custom API adapter keeps the channel adapter contract, and signs and checks requests as documented.
import { expect, it } from 'vitest';
import { createCustomAdapter } from '../../../../channels/custom/index.ts';
import { signedHeaders } from '../../../../channels/custom/signature.ts';
import type { ChannelConfig, VerifyInput } from '../../../../channels/types.ts';
import { runAdapterContract } from '../../../support/adapter-contract.ts';

const SECRET = 'a-long-shared-signing-secret';
const NOW = new Date('2026-12-01T12:00:00Z');
const channel: ChannelConfig = { id: 'c1', workspaceId: 'w1', kind: 'custom', address: 'shop-backend', settings: { signingSecret: SECRET, replyUrl: 'https://shop.example/replies' } };
const message = { id: 'evt-1', type: 'message', from: { id: 'user-42', name: 'Ada Lovelace', email: 'Ada@Example.com' }, text: 'Where is my order?' };

const request = (body: unknown, opts: { secret?: string; at?: Date; now?: Date; headers?: Record<string, string> } = {}): VerifyInput => {
  const rawBody = Buffer.from(JSON.stringify(body));
  return { rawBody, url: 'https://parley.example/webhooks/custom/c1', headers: { 'content-type': 'application/json', ...signedHeaders(opts.secret ?? SECRET, rawBody, opts.at ?? NOW), ...opts.headers }, now: opts.now ?? NOW };
};
const valid = request(message);

runAdapterContract({
  adapter: createCustomAdapter(),
  channel,
  fixtures: [
    { name: 'a message', raw: message },
    { name: 'nulls where fields are absent, and fields Parley does not use', raw: { id: 'evt-2', type: null, from: { id: 'user-43', name: null, email: null, avatar: 'x.png' }, text: 'Hi', sentAt: null, attachments: null, source: 'ios' } },
    { name: 'a file and attributes', raw: { id: 'evt-3', from: { id: 'user-42' }, text: 'See attached', attachments: [{ filename: 'receipt.txt', contentType: 'text/plain', contentBase64: Buffer.from('paid').toString('base64') }], attributes: { topic: 'billing', order: 77 } } },
    { name: 'a delivery status', raw: { id: 'evt-4', type: 'status', messageId: 'reply-9', status: 'delivered' } },
  ],
  asBytes: (raw) => Buffer.from(JSON.stringify(raw)),
  invalid: [
    { name: 'a message without a sender', raw: { id: 'evt-5', text: 'Hi' }, reason: /from/ },
    { name: 'a message with nothing in it', raw: { id: 'evt-6', from: { id: 'u' }, text: '  ' }, reason: /not a custom API message: a message needs text or attachments/ },
    { name: 'an unknown status', raw: { id: 'evt-7', type: 'status', messageId: 'r', status: 'lost' }, reason: /not a custom API status event: status/ },
    { name: 'broken JSON', raw: '{', reason: /not JSON/ },
  ],
  verify: {
    signs: 'body',
    valid,
    tampered: [
      { name: 'another signing secret', input: request(message, { secret: 'someone-elses-secret-key' }) },
      { name: 'a timestamp older than the tolerance', input: request(message, { at: new Date(NOW.getTime() - 10 * 60_000) }) },
      { name: 'no signature', input: { ...valid, headers: { 'content-type': 'application/json' } } },
      { name: 'a timestamp that is no number', input: { ...valid, headers: { ...valid.headers, 'x-parley-timestamp': 'yesterday' } } },
    ],
  },
  statuses: {
    callback: (status) => ({ id: `evt-${status}`, type: 'status', messageId: 'reply-9', status }),
    documented: { delivered: 'delivered', read: 'read', failed: 'failed' },
  },
  oversized: { raw: { ...message, text: 'x'.repeat(2 * 1024 * 1024) }, refused: /larger than a custom API event can be/ },
});

it('keys a status apart from a message with the same id', async () => {
  const adapter = createCustomAdapter();
  const a = await adapter.normalize({ id: 'evt-1', from: { id: 'u' }, text: 'Hi' }, channel);
  const b = await adapter.normalize({ id: 'evt-1', type: 'status', messageId: 'r', status: 'read' }, channel);
  expect(a.externalId).not.toBe(b.externalId);
});

it('links the sender by the email they give and keeps string attributes for routing', async () => {
  const n = await createCustomAdapter().normalize({ id: 'e', from: { id: 'u', email: ' Ada@Example.com ' }, text: 'Hi', attributes: { topic: 'billing', order: 77 } }, channel);
  expect(n).toMatchObject({ kind: 'message', from: { address: 'u', name: null }, claims: { email: 'ada@example.com' }, conversationAttributes: { topic: 'billing' } });
});
