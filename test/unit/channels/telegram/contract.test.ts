// The Telegram adapter keeps the channel adapter contract over the Bot API updates in test/fixtures/telegram.
import { readFileSync, readdirSync } from 'node:fs';
import { createTelegramAdapter } from '../../../../channels/telegram/index.ts';
import type { VerifyInput } from '../../../../channels/types.ts';
import { runAdapterContract } from '../../../support/adapter-contract.ts';
import { notMessageFixtures } from './fixture-expectations.ts';

const dir = new URL('../../../fixtures/telegram/', import.meta.url);
const update = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Record<string, unknown>;
// Updates that are no customer message: normalize refuses them (the edges drop them before).
const unhandled = new Set(notMessageFixtures);
const text = update('text.json') as { update_id: number; message: Record<string, unknown> };
const request = (secret: string | null): VerifyInput => ({
  rawBody: Buffer.from(JSON.stringify(text)),
  url: 'https://parley.test/webhooks/telegram/c1',
  headers: secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret },
  now: new Date('2026-01-01T00:00:00Z'),
});

runAdapterContract({
  adapter: createTelegramAdapter(),
  channel: { id: 'c1', workspaceId: 'w1', kind: 'telegram', address: 'acme_support_bot', settings: { botToken: '123:abc', webhookSecret: 'right-secret' } },
  fixtures: readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !unhandled.has(name))
    .map((name) => ({ name, raw: update(name) })),
  // The JSON body Telegram posts (and getUpdates returns per update).
  asBytes: (raw) => Buffer.from(JSON.stringify(raw)),
  invalid: [
    { name: 'a message with no sender (neither from nor sender_chat)', raw: { update_id: 2, message: { message_id: 1, chat: { id: 9, type: 'group' }, date: 1, text: 'x' } }, reason: /names no sender/ },
    { name: 'not an update', raw: { hello: 'world' }, reason: /not a Telegram update: update_id/ },
    { name: 'broken JSON', raw: Buffer.from('{not json'), reason: /not JSON/ },
  ],
  verify: {
    signs: 'nothing',
    why: 'Telegram signs no body; it sends back the secret token given to setWebhook (https://core.telegram.org/bots/api#setwebhook), so the token is the whole check',
    valid: request('right-secret'),
    tampered: [
      { name: 'wrong secret', input: request('right-secreT') },
      { name: 'no secret', input: request(null) },
    ],
  },
  statuses: { none: 'the Bot API reports no delivery or read receipts for messages a bot sends' },
  oversized: { raw: { ...text, message: { ...text.message, text: 'x'.repeat(4 * 1024 * 1024) } }, refused: /larger than a Telegram update can be/ },
});
