// Long polling for development (TELEGRAM_POLLING, or a channel's `polling` setting): a listener
// in the worker process runs a getUpdates loop per bot and keeps what the webhook would keep.
//
// Our own loop rather than telegraf's launch(): telegraf confirms a batch of updates (moves the
// offset past it) before its handlers run, so an update that could not be stored (the database was
// down) would be gone. Here the offset moves past an update only once it is stored; Telegram hands
// the rest out again on the next call, and a repeat of a stored one is dropped as a duplicate.
// Telegram allows one poller per bot (a second gets 409 Conflict): of several worker processes, the
// holder of the bot's lease (ctx.claim, src/cluster/leases.ts) polls it; the others take over when it goes.
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { InboundListener, ListenerContext, ListenerLog } from '../types.ts';
import { admitTelegramUpdate } from './admit-update.ts';
import { telegramClient } from './client.ts';
import { allowedUpdates, parseTelegramSettings } from './schema.ts';

export interface TelegramPollers {
  /** The channels polled now. */
  readonly channelIds: string[];
  /**
   * Stops every poller and no longer follows the channels; resolves once every poll loop started
   * here has returned (a long poll under way is aborted), so nothing polls or stores after it.
   */
  stop(): Promise<void>;
}

export interface PollOptions {
  log: ListenerLog;
  signal: AbortSignal;
  /** Seconds Telegram holds a getUpdates call open while there is nothing new. */
  timeoutSeconds?: number;
  /** The longest wait between attempts after failures (they back off from 1 s). */
  maxBackoffMs?: number;
}

// telegraf types its signal as the abort-controller shim's; Node's own AbortSignal is what its
// fetch (node-fetch) checks for at run time.
type ApiSignal = NonNullable<NonNullable<Parameters<Telegram['callApi']>[2]>['signal']>;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

interface ApiFailure {
  code?: number;
  parameters?: { retry_after?: number };
}

/**
 * Fetches updates and hands each to `store` in order, until `signal` aborts. An update is confirmed
 * to Telegram (the next call's offset) only after `store` resolved for it; a failure waits and
 * fetches again from that update.
 */
export async function pollUpdates(api: Telegram, store: (update: Update) => Promise<void>, opts: PollOptions): Promise<void> {
  const { log, signal } = opts;
  let offset = 0;
  let failures = 0;
  let webhookRemoved = false;
  const call = { signal: signal as unknown as ApiSignal };
  while (!signal.aborted) {
    try {
      // getUpdates is refused while a webhook is set.
      if (!webhookRemoved) webhookRemoved = await api.callApi('deleteWebhook', { drop_pending_updates: false }, call);
      const updates = await api.callApi('getUpdates', { offset, timeout: opts.timeoutSeconds ?? 30, allowed_updates: [...allowedUpdates] }, call);
      for (const update of updates) {
        await store(update);
        offset = update.update_id + 1;
      }
      failures = 0;
    } catch (err) {
      if (signal.aborted) return;
      const failure = err as ApiFailure;
      if (failure.code === 401 || failure.code === 404) {
        log.error({ err }, 'telegram refused the bot token; polling stopped for this channel');
        return;
      }
      failures += 1;
      const retryAfterMs = (failure.parameters?.retry_after ?? 0) * 1000;
      const backoffMs = Math.max(retryAfterMs, Math.min(opts.maxBackoffMs ?? 30_000, 1000 * 2 ** (failures - 1)));
      log.warn({ err, updateOffset: offset, retryInMs: backoffMs }, failure.code === 409 ? 'another process polls this bot' : 'telegram polling failed; trying again from the first unstored update');
      await wait(backoffMs, signal);
    }
  }
}

/** How often the set of polled bots is brought in line with the channels (added, changed, turned off). */
export const POLL_REFRESH_MS = 30_000;

/**
 * Polls every active Telegram channel set to poll (all of them with `all`), and keeps doing so as
 * channels change: a new or changed bot starts polling within POLL_REFRESH_MS, one turned off stops.
 */
export async function startTelegramPolling(ctx: ListenerContext, opts: { all: boolean; apiRoot: string; refreshMs?: number }): Promise<TelegramPollers> {
  const running = new Map<string, { key: string; stop: AbortController }>();
  /** Every loop not yet returned, including ones stopped but still ending their long poll. */
  const loops = new Set<Promise<void>>();
  const warned = new Set<string>();
  let stopped = false;

  /** The lease is the bot's (its id, the token's public part), so two channels of one bot are polled once. */
  const leaseName = (token: string) => `bot:${token.split(':')[0]}`;
  const leaseOf = new Map<string, string>();
  const holdLease = async (channelId: string, token: string) => {
    leaseOf.set(channelId, leaseName(token));
    return ctx.claim(leaseName(token)).catch((err: unknown) => (ctx.log.warn({ err, channelId }, 'could not take the polling lease; not polling'), false));
  };
  const giveUp = (channelId: string) => {
    const name = leaseOf.get(channelId);
    leaseOf.delete(channelId);
    if (name) void ctx.release(name).catch(() => undefined);
  };

  const refresh = async () => {
    const channels = await ctx.channels();
    if (stopped) return;
    const wanted = new Set<string>();
    for (const channel of channels) {
      const parsed = parseTelegramSettings(channel.settings);
      if (!parsed.ok) {
        if (opts.all && !warned.has(channel.id)) ctx.log.warn({ channelId: channel.id, error: parsed.error }, 'telegram channel not polled');
        warned.add(channel.id);
        continue;
      }
      if (!opts.all && !parsed.settings.polling) continue;
      const current = running.get(channel.id);
      // One process in the cluster polls a bot (a second getUpdates caller gets 409): the lease's holder.
      if (!(await holdLease(channel.id, parsed.settings.botToken))) {
        if (current) ctx.log.info({ channelId: channel.id }, 'another process polls this bot now');
        continue;
      }
      if (stopped) return;
      wanted.add(channel.id);
      const key = `${parsed.settings.botToken} ${parsed.settings.allowGroups}`;
      if (current?.key === key) continue;
      current?.stop.abort();
      const log = ctx.log.child({ edge: 'telegram-polling', channelId: channel.id });
      const stop = new AbortController();
      const store = async (update: Update) => {
        // The same admission as the webhook's: what is not a person's message is confirmed and dropped.
        const admission = admitTelegramUpdate(update, parsed.settings);
        if (!admission.admit) return log.debug({ reason: admission.reason }, 'telegram update ignored');
        await ctx.accept(channel, { key: admission.externalId, payload: update });
      };
      const loop: Promise<void> = pollUpdates(telegramClient(parsed.settings, opts.apiRoot), store, { log, signal: stop.signal }).finally(() => loops.delete(loop));
      loops.add(loop);
      running.set(channel.id, { key, stop });
      log.info({}, 'polling telegram');
    }
    for (const [id, poller] of running) {
      if (wanted.has(id)) continue;
      poller.stop.abort();
      running.delete(id);
      giveUp(id);
      ctx.log.info({ channelId: id }, 'stopped polling telegram');
    }
  };

  await refresh();
  const timer = setInterval(() => {
    refresh().catch((err: unknown) => ctx.log.warn({ err }, 'could not refresh the polled telegram bots'));
  }, opts.refreshMs ?? POLL_REFRESH_MS);
  timer.unref();
  return {
    get channelIds() {
      return [...running.keys()];
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const poller of running.values()) poller.stop.abort();
      await Promise.all([...loops]);
      for (const id of running.keys()) giveUp(id);
      running.clear();
    },
  };
}

/** The worker process polls the bots that have no public webhook URL. */
export const telegramPollingListener = (apiRoot: string): InboundListener => ({
  name: 'polling',
  runsIn: 'workers',
  async start(ctx) {
    const pollers = await startTelegramPolling(ctx, { all: ctx.settings.telegramPollingAll, apiRoot });
    return { stop: async () => pollers.stop() };
  },
});
