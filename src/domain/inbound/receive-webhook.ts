// The webhook edge for every channel kind: find the channel the request is for (by the URL, or by
// the address an older shared URL's request names), check it comes from the provider, keep what
// the adapter says to keep as InboundEvents, and give back the answer the provider expects. A
// request that fails verification is kept as a rejected event for admins; nothing else of it is.
import { exceedsJsonDepth } from '../../../channels/json-depth.ts';
import { channelAdapters, channelKinds, isChannelKind } from '../../../channels/registry.ts';
import type { ChannelAdapter, ChannelWebhook, HttpAnswer, WebhookRequest } from '../../../channels/types.ts';
import type { Channel } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { isOpenNow } from '../calls/is-open-now.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import { recordRejectedWebhook } from '../webhooks/record-rejected-webhook.ts';
import { acceptInboundEvent } from './accept-inbound-event.ts';
import { cachedChannelByAddress, cachedChannelById, cachedChannelByNamedAddress, forgetChannel, rememberChannel } from './webhook-channel-cache.ts';

/** Which webhook was called: /webhooks/<kind>/<channel id>[/<step>], or an older URL that names no channel. */
export type WebhookTarget = { kind: string; channelId: string; step: string } | { alias: string };

export type IncomingWebhook = Omit<WebhookRequest, 'step' | 'now'>;

interface Located {
  adapter: ChannelAdapter;
  webhook: ChannelWebhook;
  channel: Channel;
  step: string;
  /** Taken from this process's channel cache rather than read just now. */
  cached: boolean;
}

/** Whether a lookup may use the channel cache (a second look after a failed verification may not). */
type Lookup = { now: Date; useCache: boolean };

/** Every older URL any adapter still answers (the HTTP layer mounts these). */
export const webhookAliases = [...new Set(channelKinds.flatMap((k) => channelAdapters[k].webhook?.aliases?.map((a) => a.path) ?? []))];

/**
 * The channel kind a request was for, as a metrics label (never a caller's free text): the kind of
 * the channel it reached once found, else what its URL names (an older URL several kinds share,
 * such as twilio/messages, by its first segment).
 */
export function webhookKindLabel(target: WebhookTarget, found: WebhookFound): string {
  if (found.kind) return found.kind;
  if (!('alias' in target)) return isChannelKind(target.kind) ? target.kind : 'unknown';
  return webhookAliases.includes(target.alias) ? target.alias.split('/')[0]! : 'unknown';
}

/** Filled in by receiveWebhook as soon as it knows the channel (so a refusal can be counted by kind). */
export interface WebhookFound {
  kind?: string;
}

/** What a verified request left: the provider's answer, and whether every event in it was one already kept. */
export interface WebhookReceipt {
  answer: HttpAnswer;
  allDuplicates: boolean;
}

/** The largest body any webhook takes (the HTTP layer refuses more before reading it). */
export const maxWebhookBodyBytes = Math.max(...channelKinds.map((k) => channelAdapters[k].webhook?.maxBodyBytes ?? 0));

const noWebhook = () => new AppError('not_found', 'No such webhook');

async function locateById(deps: Deps, target: { kind: string; channelId: string; step: string }, lookup: Lookup): Promise<Located> {
  if (!isChannelKind(target.kind)) throw noWebhook();
  const adapter = deps.adapterFor(target.kind);
  const webhook = adapter.webhook;
  if (!webhook || !webhook.steps.includes(target.step)) throw noWebhook();
  const hit = lookup.useCache ? cachedChannelById(deps.db, target.channelId, lookup.now) : null;
  if (hit && hit.kind === adapter.kind) return { adapter, webhook, channel: hit, step: target.step, cached: true };
  const channel = await deps.db.channel.findFirst({ where: { id: target.channelId, kind: adapter.kind, active: true } });
  if (!channel) throw new AppError('not_found', `No active ${adapter.shortLabel} channel ${target.channelId} in Parley`);
  rememberChannel(deps.db, channel, lookup.now);
  return { adapter, webhook, channel, step: target.step, cached: false };
}

async function locateByAlias(deps: Deps, path: string, req: IncomingWebhook, lookup: Lookup): Promise<Located> {
  for (const kind of channelKinds) {
    const adapter = deps.adapterFor(kind);
    const alias = adapter.webhook?.aliases?.find((a) => a.path === path);
    const named = alias?.address(req);
    if (!alias || !adapter.webhook || named == null) continue;
    const known = lookup.useCache ? cachedChannelByNamedAddress(deps.db, kind, named, lookup.now) : null;
    if (known) return { adapter, webhook: adapter.webhook, channel: known, step: alias.step, cached: true };
    const address = adapter.setup.canonicalAddress(named);
    if (!address) throw new AppError('bad_request', `${JSON.stringify(named)} is not a ${adapter.shortLabel} address`);
    const hit = lookup.useCache ? cachedChannelByAddress(deps.db, kind, address, lookup.now) : null;
    if (hit) return { adapter, webhook: adapter.webhook, channel: hit, step: alias.step, cached: true };
    const channel = await deps.db.channel.findUnique({ where: { kind_address: { kind, address } } });
    if (!channel || !channel.active) {
      throw new AppError('not_found', `No active ${kind} channel in Parley has the address ${address}; add the channel or point this webhook elsewhere`);
    }
    rememberChannel(deps.db, channel, lookup.now, { named });
    return { adapter, webhook: adapter.webhook, channel, step: alias.step, cached: false };
  }
  if (!webhookAliases.includes(path)) throw noWebhook();
  throw new AppError('bad_request', 'The request does not name a channel of ours (no To / From number)');
}

function checkShape(webhook: ChannelWebhook, req: IncomingWebhook): void {
  if (req.rawBody.length > webhook.maxBodyBytes) throw new AppError('payload_too_large', `Webhook body is larger than ${webhook.maxBodyBytes} bytes`);
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (webhook.contentTypes && !webhook.contentTypes.includes(type)) {
    throw new AppError('unsupported_media_type', `This webhook takes ${webhook.contentTypes.join(' or ')}, not ${type || 'a body without a content type'}`);
  }
}

function verifyAt(located: Located, request: WebhookRequest) {
  const { adapter, channel } = located;
  return adapter.verify ? adapter.verify(request, toChannelConfig(channel)) : { ok: false as const, reason: `the ${adapter.kind} adapter cannot verify webhooks` };
}

export async function receiveWebhook(deps: Deps, target: WebhookTarget, req: IncomingWebhook, found: WebhookFound = {}): Promise<WebhookReceipt> {
  const now = deps.clock.now();
  const locate = (useCache: boolean) => ('alias' in target ? locateByAlias(deps, target.alias, req, { now, useCache }) : locateById(deps, target, { now, useCache }));
  let located = await locate(true);
  found.kind = located.adapter.kind;
  checkShape(located.webhook, req);
  let request: WebhookRequest = { ...req, step: located.step, now };
  let verdict = verifyAt(located, request);
  if (!verdict.ok && located.cached) {
    // The credentials may have changed since the entry was cached (in another process): the
    // stored row decides, and the request is refused only if it fails against that too.
    forgetChannel(deps.db, located.channel.id);
    located = await locate(false);
    request = { ...req, step: located.step, now };
    verdict = verifyAt(located, request);
  }
  const { adapter, webhook, channel } = located;
  const config = toChannelConfig(channel);
  if (!verdict.ok) {
    await recordRejectedWebhook(deps, { channel, reason: verdict.reason, url: req.url, params: webhook.rejectedDetails(request), now });
    throw new AppError('forbidden', 'The request could not be verified as coming from the provider', { internal: verdict.reason });
  }
  const services = { isOpen: (calendarName: string | undefined) => isOpenNow(deps, { workspaceId: channel.workspaceId, calendarName, at: now }) };
  const outcome = await webhook.receive(request, config, services);
  let fresh = 0;
  for (const event of outcome.events) {
    // A payload too deep to store as JSON is kept as the request's bytes: ingest marks it failed with
    // the reason, and the provider gets its 2xx (Telegram would retry anything else forever).
    const tooDeep = event.payload !== undefined && event.raw === undefined && exceedsJsonDepth(event.payload);
    const kept = tooDeep ? { raw: req.rawBody } : { raw: event.raw, payload: event.payload };
    const accepted = await acceptInboundEvent(deps, { workspaceId: channel.workspaceId, channelId: channel.id, externalId: event.key, ...kept });
    if (!accepted.duplicate) fresh++;
  }
  return { answer: outcome.answer, allDuplicates: outcome.events.length > 0 && fresh === 0 };
}
