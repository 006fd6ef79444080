// The webchat adapter keeps the channel adapter contract over visitor messages.
import { createWebchatAdapter } from '../../../../channels/webchat/index.ts';
import { expect, it } from 'vitest';
import { runAdapterContract } from '../../../support/adapter-contract.ts';

const base = { visitorId: '0193aa00-0000-7000-8000-000000000001', sentAt: '2026-01-05T10:00:00.000Z' };

runAdapterContract({
  adapter: createWebchatAdapter({ visitors: null }),
  channel: { id: 'c1', workspaceId: 'w1', kind: 'webchat', address: 'acme-website', settings: {} },
  fixtures: [
    { name: 'plain', raw: { ...base, clientId: 'a1', text: 'Hello' } },
    { name: 'pre-chat', raw: { ...base, clientId: 'a2', text: 'Invoice question', name: 'Vera', email: 'vera@example.com', topic: 'billing' } },
    { name: 'offline form', raw: { ...base, clientId: 'a3', text: 'Call me back', name: 'Olaf', email: 'olaf@example.com', offline: true } },
    { name: 'another visitor, same client id', raw: { ...base, visitorId: '0193aa00-0000-7000-8000-000000000002', clientId: 'a1', text: 'Hi' } },
  ],
  // The JSON the visitor gateway stores, as `parley parse` reads it from a file.
  asBytes: (raw) => Buffer.from(JSON.stringify(raw)),
  invalid: [
    { name: 'a client id with spaces', raw: { ...base, clientId: 'has spaces', text: 'Hi' }, reason: /clientId/ },
    { name: 'an email that is none', raw: { ...base, clientId: 'a4', text: 'Hi', email: 'nope' }, reason: /email/ },
    { name: 'an empty message', raw: { ...base, clientId: 'a5', text: '' }, reason: /text/ },
    { name: 'broken JSON', raw: '{', reason: /not JSON/ },
  ],
  verify: { none: 'visitors write over Parley’s own socket (src/realtime/visitor-gateway.ts), which checks the channel key and origin itself; no provider stands between' },
  statuses: { none: 'a reply reaches the visitor’s socket or is retried; there is no provider to report delivery' },
  oversized: { raw: { ...base, clientId: 'a6', text: 'x'.repeat(4 * 1024 * 1024) }, refused: /text: Too big/ },
});

it('keys two visitors\' messages with the same client id apart', async () => {
  const adapter = createWebchatAdapter({ visitors: null });
  const channel = { id: 'c1', workspaceId: 'w1', kind: 'webchat' as const, address: 'acme-website', settings: {} };
  const a = await adapter.normalize({ ...base, clientId: 'a1', text: 'Hello' }, channel);
  const b = await adapter.normalize({ ...base, visitorId: '0193aa00-0000-7000-8000-000000000002', clientId: 'a1', text: 'Hi' }, channel);
  expect(a.externalId).not.toBe(b.externalId);
});
