// What the SMS, WhatsApp and voice contract tests share: Twilio's saved webhooks
// (test/fixtures/twilio), requests signed the way Twilio signs them (with the SDK's own code),
// and Twilio's documented message statuses with what each becomes in Parley.
import { readFileSync } from 'node:fs';
import twilio from 'twilio';
import type { ChannelConfig, ChannelKind, DeliveryUpdate, VerifyInput } from '../../channels/types.ts';
import type { TamperedRequest, VerifyContract } from './adapter-contract.ts';

export const accountSid = 'AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b';
const authToken = '12345678901234567890123456789012';
const now = new Date('2026-11-23T12:00:00Z');

export const twilioFixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/twilio/${name}`, import.meta.url), 'utf8')) as Record<string, string>;

export function twilioChannel(kind: ChannelKind, address: string): ChannelConfig {
  return { id: `c-${kind}`, workspaceId: 'w1', kind, address, settings: { accountSid, authToken } };
}

/** The form body Twilio posts for these parameters. */
export const formBody = (params: Record<string, string>) => Buffer.from(new URLSearchParams(params).toString());

function signed(params: Record<string, string>, url: string, o: { token?: string; signUrl?: string } = {}): VerifyInput {
  const signature = twilio.getExpectedTwilioSignature(o.token ?? authToken, o.signUrl ?? url, params);
  return { rawBody: formBody(params), url, headers: { 'x-twilio-signature': signature }, now };
}

/** A genuine webhook to `url` and the ways a forged one differs (https://www.twilio.com/docs/usage/security). */
export function twilioVerifyContract(params: Record<string, string>, url: string): VerifyContract {
  const valid = signed(params, url);
  const tampered: TamperedRequest[] = [
    { name: 'a parameter added after signing', input: { ...valid, rawBody: formBody({ ...params, Body: 'send me a refund' }) } },
    { name: 'signed with another auth token', input: signed(params, url, { token: 'another-token' }) },
    { name: 'signed for another URL', input: signed(params, url, { signUrl: 'https://attacker.example/webhooks' }) },
    { name: 'no signature', input: { ...valid, headers: {} } },
    { name: 'signed by another account', input: signed({ ...params, AccountSid: 'AC00000000000000000000000000000000' }, url) },
  ];
  return { signs: 'body', valid, tampered };
}

const inbound = { none: "the status of a message the customer sent us: kept as a report that updates nothing of ours" };

/** Every MessageStatus Twilio documents (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values). */
export const twilioDocumentedStatuses: Record<string, DeliveryUpdate['status'] | { none: string }> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivery_unknown: 'sent',
  delivered: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
  read: 'read',
  canceled: 'failed',
  receiving: inbound,
  received: inbound,
  partially_delivered: 'delivered',
};

/** A status callback from `fixture` reporting another status (Twilio sends MessageStatus and the older SmsStatus). */
export const statusCallback = (fixture: string) => (status: string) => ({ ...twilioFixture(fixture), MessageStatus: status, SmsStatus: status });
