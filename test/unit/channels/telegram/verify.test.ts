// The webhook secret check: only the secret Parley registered with setWebhook passes.
import { describe, expect, it } from 'vitest';
import { verifyTelegramRequest } from '../../../../channels/telegram/verify.ts';
import type { ChannelConfig } from '../../../../channels/types.ts';

const channel = (settings: Record<string, unknown>): ChannelConfig => ({ id: 'c1', workspaceId: 'w1', kind: 'telegram', address: 'acme_bot', settings });
const settings = { botToken: '123:abc', webhookSecret: 'the-right-secret' };
const input = (headers: Record<string, string>) => ({ rawBody: Buffer.from('{}'), url: 'https://parley.test/webhooks/telegram/c1', headers, now: new Date('2026-01-01T00:00:00Z') });

describe('verifyTelegramRequest', () => {
  it('passes the registered secret', () => {
    expect(verifyTelegramRequest(input({ 'x-telegram-bot-api-secret-token': 'the-right-secret' }), channel(settings))).toEqual({ ok: true });
  });

  it('refuses a wrong or missing secret with a reason', () => {
    expect(verifyTelegramRequest(input({ 'x-telegram-bot-api-secret-token': 'guess' }), channel(settings))).toEqual({ ok: false, reason: 'wrong X-Telegram-Bot-Api-Secret-Token' });
    expect(verifyTelegramRequest(input({}), channel(settings))).toEqual({ ok: false, reason: 'missing X-Telegram-Bot-Api-Secret-Token header' });
  });

  it('refuses everything while the channel has no secret (webhook never registered)', () => {
    expect(verifyTelegramRequest(input({ 'x-telegram-bot-api-secret-token': '' }), channel({ botToken: '123:abc' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/register the webhook/) });
  });

  it('refuses when the channel settings are broken, naming the setting', () => {
    expect(verifyTelegramRequest(input({ 'x-telegram-bot-api-secret-token': 'x' }), channel({ botToken: 'nope', webhookSecret: 'x' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/botToken/) });
  });
});
