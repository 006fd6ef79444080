// The Telegram adapter keeps the channel adapter contract over its fixtures.
import { readFileSync, readdirSync } from 'node:fs';
import { createTelegramAdapter } from '../../../../channels/telegram/index.ts';
import type { VerifyInput } from '../../../../channels/types.ts';
import { expect, it } from 'vitest';
import { runAdapterContract } from '../../../support/adapter-contract.ts';

const dir = new URL('../../../fixtures/telegram/', import.meta.url);
const unhandled = new Set(['callback-query.json']);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !unhandled.has(f))
  .map((name) => ({ name, raw: JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as unknown }));
const request = (secret: string | null): VerifyInput => ({
  rawBody: Buffer.from('{"update_id":1}'),
  url: 'https://parley.test/webhooks/telegram/c1',
  headers: secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret },
  now: new Date('2026-01-01T00:00:00Z'),
});

runAdapterContract({
  adapter: createTelegramAdapter(),
  channel: { id: 'c1', workspaceId: 'w1', kind: 'telegram', address: 'acme_support_bot', settings: { botToken: '123:abc', webhookSecret: 'right-secret' } },
  fixtures,
  verify: {
    valid: request('right-secret'),
    tampered: [
      { name: 'wrong secret', input: request('right-secreT') },
      { name: 'no secret', input: request(null) },
    ],
  },
});

it('runs the contract over real fixtures', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(3);
});
