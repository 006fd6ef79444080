// The active channels the edges (webhooks; the listeners' channelByAddress / channelById) have
// looked up lately, per process and per database client, so a burst of webhooks or SMTP sessions
// costs no channel query each. Other processes cannot tell this one that a
// channel changed, so an entry lives CHANNEL_CACHE_TTL_MS at most: a channel deactivated (or
// re-keyed) elsewhere stops accepting within that bound. Changes made through this process
// (manage-channels, register-channel-webhook) forget the entry at once, and a request that fails
// verification against a cached entry is checked again against the stored row (receive-webhook.ts),
// so a rotated credential is never refused for the bound's length.
import type { Channel, Db } from '../../db/client.ts';

/** How long a looked-up channel is trusted without asking the database again. */
export const CHANNEL_CACHE_TTL_MS = 5_000;

/** Past this many keys the cache starts afresh: requests name addresses in ways without end. */
const MAX_KEYS = 1_000;

interface Entry {
  channel: Channel;
  expiresAt: number;
}

type Cache = Map<string, Entry>;

const caches = new WeakMap<Db, Cache>();

const byId = (id: string) => `id:${id}`;
const byAddress = (kind: string, address: string) => `address:${kind}:${address}`;
const byNamed = (kind: string, named: string) => `named:${kind}:${named}`;

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

function read(db: Db, key: string, now: Date): Channel | null {
  const cache = cacheOf(db);
  const entry = cache.get(key);
  if (!entry) return null;
  if (entry.expiresAt <= now.getTime()) {
    cache.delete(key);
    return null;
  }
  return entry.channel;
}

/** The cached active channel with this id, or null (not cached, or its bound passed). */
export function cachedChannelById(db: Db, id: string, now: Date): Channel | null {
  return read(db, byId(id), now);
}

/** The cached active channel of this kind with this canonical address, or null. */
export function cachedChannelByAddress(db: Db, kind: string, address: string, now: Date): Channel | null {
  return read(db, byAddress(kind, address), now);
}

/**
 * The cached active channel an older shared URL's request names as `named`, exactly as the request
 * wrote it (before the adapter made it canonical: parsing a phone number costs more than the rest).
 */
export function cachedChannelByNamedAddress(db: Db, kind: string, named: string, now: Date): Channel | null {
  return read(db, byNamed(kind, named), now);
}

/**
 * Keeps an active channel for CHANNEL_CACHE_TTL_MS from `now`, by id and by (kind, address), and
 * by the address as a request named it, when it came from one.
 */
export function rememberChannel(db: Db, channel: Channel, now: Date, opts: { named?: string } = {}): void {
  if (!channel.active) return;
  const entry = { channel, expiresAt: now.getTime() + CHANNEL_CACHE_TTL_MS };
  const cache = cacheOf(db);
  if (cache.size >= MAX_KEYS) cache.clear();
  cache.set(byId(channel.id), entry);
  cache.set(byAddress(channel.kind, channel.address), entry);
  if (opts.named !== undefined) cache.set(byNamed(channel.kind, opts.named), entry);
}

/** Drops a channel from this process's cache, under every key (it was changed here, or failed a check). */
export function forgetChannel(db: Db, channelId: string): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const [key, entry] of cache) if (entry.channel.id === channelId) cache.delete(key);
}
