// Admins set up channels: create one (kind, name, address, settings), see one with its settings
// (secrets redacted), change its name, settings or whether it is active. Settings are validated
// against the kind's schema before anything is saved; a secret is kept unless a new one is given.
import { checkHost } from '../../../channels/host-policy.ts';
import { adapterFor } from '../../../channels/registry.ts';
import { webhookUrl } from '../../../channels/webhook-url.ts';
import type { Channel, Db, Prisma } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { forgetChannel } from '../inbound/webhook-channel-cache.ts';
import { REDACTED, toAdminChannelView, type AdminChannelView } from './admin-channel-view.ts';

type Json = Prisma.JsonValue;

/**
 * New settings over stored ones: objects merge key by key, anything else is replaced, null removes
 * (and a section left empty goes); REDACTED takes the stored secret at that place (and is refused
 * where there is none).
 */
export function mergeSettings(stored: Json, patch: Json, path: string[] = []): Json {
  if (patch === REDACTED) {
    if (typeof stored !== 'string') throw new AppError('validation_failed', `settings.${path.join('.')}: give the value itself (there is no stored one to keep)`);
    return stored;
  }
  const isObject = (v: Json): v is Prisma.JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(patch)) return patch;
  const base = isObject(stored) ? stored : {};
  const merged: Prisma.JsonObject = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const next = v === null ? null : mergeSettings(base[k] ?? null, v as Json, [...path, k]);
    // null removes a setting; a section left with nothing in it goes too (an IMAP section cleared).
    if (next === null || (isObject(next) && Object.keys(next).length === 0)) delete merged[k];
    else merged[k] = next;
  }
  return merged;
}

function validSettings(kind: string, settings: Json): Prisma.InputJsonValue {
  const parsed = adapterFor(kind).setup.settings.safeParse(settings);
  if (parsed.success) return settings as Prisma.InputJsonValue; // stored as given: defaults stay defaults
  const issue = parsed.error.issues[0]!;
  throw new AppError('validation_failed', `settings.${issue.path.join('.') || '(all)'}: ${issue.message}`);
}

/** Every host the settings would have Parley connect to passes the instance's policy (no loopback, private or metadata address unless ALLOW_PRIVATE_HOSTS). */
async function checkOutboundHosts(kind: string, settings: Json, allowPrivate: boolean): Promise<void> {
  for (const { path, host } of adapterFor(kind).setup.outboundHosts?.(settings) ?? []) {
    const check = await checkHost(host, { allowPrivate });
    if (!check.ok) throw new AppError('validation_failed', `settings.${path}: ${check.reason}`);
  }
}

function validAddress(kind: string, raw: string): string {
  const { setup } = adapterFor(kind);
  const address = setup.canonicalAddress(raw);
  if (!address) throw new AppError('validation_failed', `address: for a ${kind} channel it is ${setup.addressIs}`);
  return address;
}

export interface ChannelAdminDeps {
  db: Db;
  /** PUBLIC_URL: the admin is shown the webhook URL to give the provider. */
  publicUrl: string;
  /** ALLOW_PRIVATE_HOSTS: settings may name loopback and private hosts (a self-hosted mail server). */
  allowPrivateHosts: boolean;
}

const adminView = (c: Channel, publicUrl: string) => toAdminChannelView(c, adapterFor(c.kind).webhook ? webhookUrl(publicUrl, c.kind, c.id) : null);

async function adminChannel(db: Db, viewer: Viewer, id: string): Promise<Channel> {
  requireAdmin(viewer, 'manage channels');
  const channel = await db.channel.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!channel) throw notFound('Channel');
  return channel;
}

export async function getChannel({ db, publicUrl }: ChannelAdminDeps, viewer: Viewer, id: string): Promise<AdminChannelView> {
  return adminView(await adminChannel(db, viewer, id), publicUrl);
}

export async function createChannel({ db, publicUrl, allowPrivateHosts }: ChannelAdminDeps, viewer: Viewer, input: { kind: string; name: string; address: string; settings: Json }): Promise<AdminChannelView> {
  requireAdmin(viewer, 'add channels');
  const address = validAddress(input.kind, input.address);
  const settings = validSettings(input.kind, mergeSettings(null, input.settings));
  await checkOutboundHosts(input.kind, settings as Json, allowPrivateHosts);
  const taken = await db.channel.findUnique({ where: { kind_address: { kind: input.kind, address } } });
  if (taken) throw new AppError('conflict', `A ${input.kind} channel with the address ${address} exists already`);
  const channel = await db.channel.create({ data: { workspaceId: viewer.workspaceId, kind: input.kind, name: input.name, address, settings } });
  await recordAudit(db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'channel.create', targetType: 'channel', targetId: channel.id, data: { kind: channel.kind, address } });
  return adminView(channel, publicUrl);
}

export async function updateChannel({ db, publicUrl, allowPrivateHosts }: ChannelAdminDeps, viewer: Viewer, id: string, patch: { name?: string; active?: boolean; settings?: Json }): Promise<AdminChannelView> {
  const channel = await adminChannel(db, viewer, id);
  const settings = patch.settings === undefined ? undefined : validSettings(channel.kind, mergeSettings(channel.settings, patch.settings));
  if (settings !== undefined) await checkOutboundHosts(channel.kind, settings as Json, allowPrivateHosts);
  const updated = await db.channel.update({ where: { id: channel.id }, data: { name: patch.name, active: patch.active, settings } });
  // This process's webhook edge sees the change at once; other processes within the cache's bound.
  forgetChannel(db, channel.id);
  const changed = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
  await recordAudit(db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'channel.update', targetType: 'channel', targetId: channel.id, data: { changed } });
  return adminView(updated, publicUrl);
}
