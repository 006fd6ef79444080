// Signature verification as a pure function at a fixed instant and URL, against signatures the
// twilio SDK computes itself.
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { verifyTwilioRequest } from '../../../../channels/twilio/verify.ts';
import type { ChannelConfig, VerifyInput } from '../../../../channels/types.ts';

const accountSid = 'AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b';
const authToken = '12345678901234567890123456789012';
const channel: ChannelConfig = { id: 'ch1', workspaceId: 'ws1', kind: 'sms', address: '+14155550100', settings: { accountSid, authToken } };
const url = 'https://parley.example.test/webhooks/twilio/messages';
const now = new Date('2026-11-23T12:00:00Z');
const params = { AccountSid: accountSid, MessageSid: 'SM1f0e2d3c4b5a69788796a5b4c3d2e1f0', From: '+14155550142', To: '+14155550100', Body: 'Hi & bye = ok?' };

function signed(p: Record<string, string>, o: { url?: string; token?: string; signUrl?: string } = {}): VerifyInput {
  const signature = twilio.getExpectedTwilioSignature(o.token ?? authToken, o.signUrl ?? o.url ?? url, p);
  return { rawBody: Buffer.from(new URLSearchParams(p).toString()), url: o.url ?? url, headers: { 'x-twilio-signature': signature }, now };
}

describe('verifyTwilioRequest', () => {
  it('accepts a request signed with the channel token for the URL Twilio called', () => {
    expect(verifyTwilioRequest(signed(params), channel)).toEqual({ ok: true });
  });

  it('accepts a signature over the URL with or without the default port', () => {
    expect(verifyTwilioRequest(signed(params, { signUrl: 'https://parley.example.test:443/webhooks/twilio/messages' }), channel)).toEqual({ ok: true });
  });

  it('covers the query string Twilio called', () => {
    const withQuery = `${url}?channel=abc`;
    expect(verifyTwilioRequest(signed(params, { url: withQuery }), channel)).toEqual({ ok: true });
    expect(verifyTwilioRequest({ ...signed(params, { signUrl: withQuery }), url }, channel).ok).toBe(false);
  });

  it('refuses a tampered body, naming the URL it verified against', () => {
    const input = signed(params);
    const tampered = { ...input, rawBody: Buffer.from(new URLSearchParams({ ...params, Body: 'Hi & bye = ok!' }).toString()) };
    const verdict = verifyTwilioRequest(tampered, channel);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok === false && verdict.reason).toMatch(/does not match a request to https:\/\/parley\.example\.test\/webhooks\/twilio\/messages/);
  });

  it('refuses a signature made for another URL (PUBLIC_URL not what Twilio called)', () => {
    expect(verifyTwilioRequest(signed(params, { signUrl: 'http://127.0.0.1:3000/webhooks/twilio/messages' }), channel).ok).toBe(false);
  });

  it('refuses a signature made with another auth token', () => {
    expect(verifyTwilioRequest(signed(params, { token: 'another-token' }), channel).ok).toBe(false);
  });

  it('refuses a request without a signature', () => {
    const input = { ...signed(params), headers: {} };
    expect(verifyTwilioRequest(input, channel)).toEqual({ ok: false, reason: 'missing X-Twilio-Signature header' });
  });

  it('refuses a validly signed request of another account', () => {
    const other = { ...params, AccountSid: 'AC00000000000000000000000000000000' };
    expect(verifyTwilioRequest(signed(other), channel)).toEqual({ ok: false, reason: "AccountSid AC00000000000000000000000000000000 is not this channel's Twilio account" });
  });

  it('refuses everything for a channel without usable credentials', () => {
    const verdict = verifyTwilioRequest(signed(params), { ...channel, settings: { accountSid } });
    expect(verdict).toEqual({ ok: false, reason: 'Twilio channel settings are invalid: authToken: Invalid input: expected string, received undefined' });
  });
});
