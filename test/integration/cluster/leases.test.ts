// Cluster-wide leases on the real Redis, and the Telegram poller that holds one per bot: of two
// worker processes only one calls getUpdates for a bot (Telegram answers a second with 409), and
// the other takes over once the first stops or dies.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegramPolling } from '../../../channels/telegram/polling.ts';
import { createListenerContext } from '../../../src/domain/inbound/listener-context.ts';
import { listenerSettings } from '../../../src/runtime-listeners.ts';
import { startFakeTelegram } from '../../support/fake-telegram.ts';
import { startHarness } from '../../support/harness.ts';
import { processLeases } from '../../support/leases.ts';
import { waitUntil } from '../../support/wait.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.reverse()) await close();
  closers.length = 0;
});
const leasesFor = (prefix: string, ttlMs?: number) => {
  const leases = processLeases(prefix, ttlMs);
  closers.push(() => leases.close());
  return leases;
};

describe('leases', () => {
  it('one holder at a time; released, the next claim takes it', async () => {
    const prefix = `lease-${randomUUID()}`;
    const a = leasesFor(prefix);
    const b = leasesFor(prefix);
    expect(await a.claim('bot:1')).toBe(true);
    expect(await a.claim('bot:1')).toBe(true);
    expect(await b.claim('bot:1')).toBe(false);
    expect(await b.claim('bot:2')).toBe(true);
    // b cannot release what a holds.
    await b.release('bot:1');
    expect(await b.claim('bot:1')).toBe(false);
    await a.release('bot:1');
    expect(await b.claim('bot:1')).toBe(true);
    expect(await a.claim('bot:1')).toBe(false);
  });

  it('a holder keeps its lease past the time to live while it runs, and loses it when it dies', async () => {
    const prefix = `lease-${randomUUID()}`;
    const a = leasesFor(prefix, 300);
    const b = leasesFor(prefix, 300);
    expect(await a.claim('bot:1')).toBe(true);
    // Renewed every 100 ms: several lifetimes later it is still a's.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await b.claim('bot:1')).toBe(false);
    // a's process dies (no release, no renewal): the lease lapses and b takes it.
    a.redis.disconnect();
    await waitUntil(() => b.claim('bot:1'), 'the dead holder’s lease to lapse');
  });
});

describe('telegram polling across two worker processes', () => {
  it('only the lease holder polls a bot; the other takes over when it stops', async () => {
    const tg = await startFakeTelegram({ botUsername: 'acme_cluster_bot' });
    closers.push(() => tg.close());
    const h = await startHarness({
      env: { TELEGRAM_API_ROOT: tg.url },
      channels: [{ kind: 'telegram', name: 'Polled', address: 'acme_cluster_bot', settings: { botToken: tg.token } }],
    });
    // Not set to poll, so the harness's own worker set leaves it alone; the two "processes" below poll every bot.
    closers.push(() => h.close());
    const channelId = h.workspace.channels.find((c) => c.address === 'acme_cluster_bot')!.id;
    const worker = async () => {
      const ctx = createListenerContext(h.rt.deps, { kind: 'telegram', name: 'polling', settings: listenerSettings(h.rt.config), api: null, every: null, leases: leasesFor(h.rt.config.QUEUE_PREFIX) });
      const pollers = await startTelegramPolling(ctx, { all: true, refreshMs: 100, apiRoot: tg.url });
      closers.push(() => pollers.stop());
      return pollers;
    };
    const first = await worker();
    const second = await worker();
    expect(first.channelIds).toEqual([channelId]);
    // Several refreshes later the second still leaves the bot alone.
    await new Promise((r) => setTimeout(r, 500));
    expect(second.channelIds).toEqual([]);

    await first.stop();
    await waitUntil(async () => second.channelIds.includes(channelId), 'the second process to take the bot over');
    tg.pushUpdate({
      update_id: 990001,
      message: { message_id: 1, date: 1_790_000_000, chat: { id: 4343, type: 'private' }, from: { id: 4343, is_bot: false, first_name: 'Ola' }, text: 'Still there?' },
    });
    const m = await waitUntil(() => h.testDb.db.message.findFirst({ where: { channelId } }), 'the update stored by the second process');
    expect(m.text).toBe('Still there?');
  });
});
