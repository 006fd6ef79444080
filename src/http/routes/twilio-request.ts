// The edge of every Twilio webhook: read the form body, find the channel it is for (by its
// number), and verify Twilio's signature against the URL Twilio called. Unknown number: 404,
// nothing stored. Bad signature: 403, recorded as a rejected inbound event, nothing else.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ChannelKind } from '../../../channels/types.ts';
import { parseTwilioAddress } from '../../../channels/twilio/phone.ts';
import type { TwilioParams } from '../../../channels/twilio/schema.ts';
import type { Channel } from '../../db/client.ts';
import { acceptInboundEvent } from '../../domain/inbound/accept-inbound-event.ts';
import { recordRejectedWebhook } from '../../domain/webhooks/record-rejected-webhook.ts';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../context.ts';
import { toChannelConfig } from '../../domain/channels/channel-config.ts';

export interface TwilioRequest {
  rawBody: Buffer;
  params: TwilioParams;
  /** Scheme, host and any path prefix Twilio used to reach us (PUBLIC_URL, or the proxy's view). */
  baseUrl: string;
  /** The full URL Twilio requested, as it signed it. */
  url: string;
  headers: Record<string, string>;
}

export async function readTwilioRequest(c: Context, config: AppDeps['config']): Promise<TwilioRequest> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new AppError('bad_request', 'Twilio webhooks must be application/x-www-form-urlencoded');
  }
  const rawBody = Buffer.from(await c.req.arrayBuffer());
  const params: TwilioParams = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const requested = new URL(c.req.url);
  const baseUrl = publicBaseUrl(requested, headers, config);
  return { rawBody, params, baseUrl, url: `${baseUrl}${requested.pathname}${requested.search}`, headers };
}

/**
 * Twilio signs the URL it called. Behind a proxy that is not the URL we see: use PUBLIC_URL, or,
 * only when TRUST_PROXY says the proxy is ours, the X-Forwarded-Proto / X-Forwarded-Host it sets.
 */
export function publicBaseUrl(requested: URL, headers: Record<string, string>, config: Pick<AppDeps['config'], 'PUBLIC_URL' | 'TRUST_PROXY'>): string {
  if (!config.TRUST_PROXY) return config.PUBLIC_URL.replace(/\/+$/, '');
  const first = (value: string | undefined) => value?.split(',')[0]?.trim() || undefined;
  const proto = first(headers['x-forwarded-proto']) ?? requested.protocol.replace(/:$/, '');
  const host = first(headers['x-forwarded-host']) ?? headers.host ?? requested.host;
  return `${proto}://${host}`;
}

/** The channel of `kind` whose number is the given Twilio address (To, or From on status callbacks). */
export async function channelForNumber(deps: AppDeps, input: { kind: ChannelKind; address: string | undefined; param: string }): Promise<Channel> {
  if (!input.address) throw new AppError('bad_request', `missing ${input.param} parameter`);
  const { e164 } = parseAddressOr400(input.address, input.param);
  const channel = await deps.db.channel.findUnique({ where: { kind_address: { kind: input.kind, address: e164 } } });
  if (!channel || !channel.active) {
    throw new AppError('not_found', `No active ${input.kind} channel in Parley has the number ${e164}; add the channel or point this Twilio webhook elsewhere`);
  }
  return channel;
}

export function parseAddressOr400(value: string, param: string) {
  try {
    return parseTwilioAddress(value, param);
  } catch (err) {
    throw new AppError('bad_request', err instanceof Error ? err.message : `bad ${param}`);
  }
}

/** Verifies the request with the channel adapter; a failure is recorded and answered 403. */
export async function authenticateTwilio(deps: AppDeps, req: TwilioRequest, channel: Channel): Promise<void> {
  const adapter = deps.adapterFor(channel.kind);
  if (!adapter.verify) throw new AppError('internal', `the ${channel.kind} adapter cannot verify webhooks`);
  const now = deps.clock.now();
  const verdict = adapter.verify(
    { rawBody: req.rawBody, url: req.url, headers: req.headers, now },
    toChannelConfig(channel),
  );
  if (verdict.ok) return;
  await recordRejectedWebhook(deps, { channel, reason: verdict.reason, url: req.url, params: req.params, now });
  throw new AppError('forbidden', 'The request signature could not be verified', { internal: verdict.reason });
}

/** Stores the event under its provider key; one without the ids is keyed by its hash, kept, and fails in ingest with the reason. */
export async function storeEvent(deps: AppDeps, channel: Channel, req: TwilioRequest, key: string | null, payload: unknown): Promise<void> {
  await acceptInboundEvent(deps, {
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    externalId: key ?? `sha256:${createHash('sha256').update(req.rawBody).digest('hex')}`,
    payload,
  });
}

export function twiml(c: Context, xml: string) {
  return c.body(xml, 200, { 'content-type': 'text/xml; charset=utf-8' });
}
