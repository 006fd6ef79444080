// What a channel's long-lived listener gets from the hub (channels/types.ts ListenerContext): its
// active channels, a way to keep events (acceptInboundEvent) and its per-channel state. The
// listener itself never sees the database or the queue.
import type { ApiServices, ChannelKind, ListenerContext, ListenerSettings } from '../../../channels/types.ts';
import type { Channel } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import { saveChannelState } from '../channels/save-channel-state.ts';
import type { Leases } from '../../cluster/leases.ts';
import { acceptInboundEvent } from './accept-inbound-event.ts';
import { cachedChannelByAddress, cachedChannelById, rememberChannel } from './webhook-channel-cache.ts';

/** Runs a task every `ms` once per cluster (the worker set's scheduler), or refuses where there is none. */
export type ScheduleEvery = (name: string, ms: number, task: () => Promise<void>) => Promise<void>;

export function createListenerContext(
  deps: Pick<Deps, 'db' | 'queues' | 'log' | 'clock'>,
  input: { kind: ChannelKind; name: string; settings: ListenerSettings; api: ApiServices | null; every: ScheduleEvery | null; leases: Leases | null },
): ListenerContext {
  const { db } = deps;
  const scope = `${input.kind}.${input.name}`;
  // A row read from the database starts its CHANNEL_CACHE_TTL_MS; a cache hit never extends it.
  const fresh = (row: Channel | null, now: Date) => {
    if (!row) return null;
    rememberChannel(db, row, now);
    return toChannelConfig(row);
  };
  return {
    log: deps.log.child({ listener: scope }),
    now: () => deps.clock.now(),
    settings: input.settings,
    api: input.api,
    async accept(channel, event) {
      const accepted = await acceptInboundEvent(deps, { workspaceId: channel.workspaceId, channelId: channel.id, externalId: event.key, raw: event.raw, payload: event.payload });
      return { duplicate: accepted.duplicate };
    },
    async channels() {
      const rows = await db.channel.findMany({ where: { kind: input.kind, active: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map((row) => ({ ...toChannelConfig(row), state: row.state }));
    },
    // Every SMTP session asks at RCPT and again at DATA: the edge's cache (webhook-channel-cache.ts) answers.
    async channelByAddress(address) {
      const now = deps.clock.now();
      const cached = cachedChannelByAddress(db, input.kind, address, now);
      return cached ? toChannelConfig(cached) : fresh(await db.channel.findFirst({ where: { kind: input.kind, address, active: true } }), now);
    },
    async channelById(id) {
      const now = deps.clock.now();
      const cached = cachedChannelById(db, id, now);
      if (cached?.kind === input.kind) return toChannelConfig(cached);
      return fresh(await db.channel.findFirst({ where: { kind: input.kind, id, active: true } }), now);
    },
    saveState: (channelId, section, patch) => saveChannelState(db, { channelId, section, patch }),
    async every(name, ms, task) {
      if (!input.every) throw new Error(`${scope} schedules work, which only worker processes run`);
      await input.every(`${scope}.${name}`, ms, task);
    },
    async claim(name) {
      if (!input.leases) throw new Error(`${scope} takes leases, which only worker processes hold`);
      return input.leases.claim(`${scope}.${name}`);
    },
    async release(name) {
      await input.leases?.release(`${scope}.${name}`);
    },
  };
}
