// The long-polling loop against a local server speaking the Bot API, with telegraf's real client:
// an update is confirmed to Telegram only once stored, so an update that could not be stored
// (the database was down) comes again; Telegram's own failures are waited out; a refused token
// ends the loop with an error instead of hammering the API.
import { createListenerContext } from '../../../../src/domain/inbound/listener-context.ts';
import { listenerSettings } from '../../../../src/runtime-listeners.ts';
import type { Update } from 'telegraf/types';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollUpdates, startTelegramPolling } from '../../../../channels/telegram/polling.ts';
import { telegramClient } from '../../../../channels/telegram/client.ts';
import { createLogger } from '../../../../src/log.ts';
import { startFakeTelegram, type FakeTelegram } from '../../../support/fake-telegram.ts';
import { startFakeTelegramRouter } from '../../../support/fake-telegram-router.ts';
import { startHarness } from '../../../support/harness.ts';
import { processLeases } from '../../../support/leases.ts';
import { waitUntil } from '../../../support/wait.ts';

const update = (id: number, text: string) => ({
  update_id: id,
  message: { message_id: id, date: 1_790_000_000, chat: { id: 4242, type: 'private' }, from: { id: 4242, is_bot: false, first_name: 'Lena' }, text },
});

describe('telegram long polling', () => {
  let tg: FakeTelegram;
  let stop: AbortController;
  const log = createLogger('silent');
  const offsets = () => tg.calls.filter((c) => c.method === 'getUpdates').map((c) => Number(c.params.offset));

  beforeEach(async () => {
    tg = await startFakeTelegram();
    stop = new AbortController();
  });
  afterEach(async () => {
    stop.abort();
    await tg.close();
  });

  const poll = (store: (u: Update) => Promise<void>, timeoutSeconds = 1) =>
    pollUpdates(telegramClient({ botToken: tg.token }, tg.url), store, { log, signal: stop.signal, timeoutSeconds, maxBackoffMs: 50 });

  it('fetches an update again until it is stored, and confirms nothing before it', async () => {
    for (const [id, text] of [[701, 'one'], [702, 'two'], [703, 'three']] as const) tg.pushUpdate(update(id, text));
    const stored: number[] = [];
    let refusals = 2;
    const done = poll(async (u) => {
      if (u.update_id === 702 && refusals-- > 0) throw new Error('database unavailable');
      stored.push(u.update_id);
    });
    await waitUntil(async () => offsets().includes(704), 'the offset to move past the last update');
    expect(stored).toEqual([701, 702, 703]);
    // The webhook goes first. 701 is confirmed by the next call's offset, 702 is asked for again
    // while it cannot be stored, and 703 comes with it in the batch that finally stores it.
    expect(tg.calls[0]!.method).toBe('deleteWebhook');
    expect(offsets().slice(0, 4)).toEqual([0, 702, 702, 704]);
    stop.abort();
    await done;
  });

  it('waits out Telegram failures and a second poller (409), then goes on', async () => {
    tg.failNext('getUpdates', { error_code: 502, description: 'Bad Gateway' });
    const stored: number[] = [];
    const done = poll(async (u) => void stored.push(u.update_id));
    await waitUntil(async () => offsets().length >= 2, 'a second getUpdates after the 502');
    tg.failNext('getUpdates', { error_code: 409, description: 'Conflict: terminated by other getUpdates request' });
    tg.pushUpdate(update(801, 'still there?'));
    await waitUntil(async () => stored.includes(801), 'the update after the failures');
    expect(stored).toEqual([801]);
    stop.abort();
    await done;
  });

  it('stops polling a channel whose token Telegram refuses, without a retry loop', async () => {
    tg.failNext('getUpdates', { error_code: 401, description: 'Unauthorized' }, 100);
    await poll(async () => undefined); // resolves: the loop ended by itself
    expect(offsets()).toHaveLength(1);
  });

  it('ends promptly when stopped in the middle of a long poll', async () => {
    // The fake holds an empty getUpdates for its whole timeout, as Telegram does: 30 s unless aborted.
    const done = poll(async () => undefined, 30);
    await waitUntil(async () => offsets().length >= 1, 'a long poll under way');
    const started = Date.now();
    stop.abort();
    await done;
    expect(Date.now() - started).toBeLessThan(1000);
    // The client closed it; the fake notices that a moment later.
    const last = await waitUntil(async () => tg.calls.at(-1)?.ended && tg.calls.at(-1), 'the long poll to end at the fake Bot API');
    expect(last).toMatchObject({ method: 'getUpdates', ended: 'aborted' });
  });
});

describe('polled bots follow the channels', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('starts polling a bot added through the API and stops when it is turned off, without a restart', async () => {
    const tg = await startFakeTelegram({ botUsername: 'acme_dev_bot' });
    closers.push(() => tg.close());
    // One Bot API root for the instance; the second bot joins it later.
    const router = await startFakeTelegramRouter([tg]);
    closers.push(() => router.close());
    const h = await startHarness({ env: { TELEGRAM_API_ROOT: router.url } });
    closers.push(() => h.close());
    const leases = processLeases(h.rt.config.QUEUE_PREFIX);
    closers.push(() => leases.close());
    const ctx = createListenerContext(h.rt.deps, { kind: 'telegram', name: 'polling', settings: listenerSettings(h.rt.config), api: null, every: null, leases });
    const pollers = await startTelegramPolling(ctx, { all: false, refreshMs: 100, apiRoot: router.url });
    closers.push(() => pollers.stop());
    expect(pollers.channelIds).toEqual([]);

    const admin = await h.login(h.workspace.agents[0]!.email);
    const created = await h.api(admin, 'POST', '/api/channels', { kind: 'telegram', name: 'Dev bot', address: 'acme_dev_bot', settings: { botToken: tg.token, polling: true } });
    expect(created.status).toBe(201);
    await waitUntil(async () => pollers.channelIds.includes(created.body.id), 'the new bot polled');
    tg.pushUpdate(update(901, 'Hello from a new bot'));
    const m = await waitUntil(() => h.testDb.db.message.findFirst({ where: { channelId: created.body.id } }), 'the update stored');
    expect(m.text).toBe('Hello from a new bot');

    expect((await h.api(admin, 'PATCH', `/api/channels/${created.body.id}`, { active: false })).status).toBe(200);
    await waitUntil(async () => pollers.channelIds.length === 0, 'polling stopped');
    // The long poll under way at the stop ends with it (it would otherwise be held for 30 s) ...
    const polls = () => tg.calls.filter((c) => c.method === 'getUpdates');
    await waitUntil(async () => polls().every((c) => c.ended), 'the long poll under way to end');
    const calls = polls().length;
    // ... and the channel stays off: a bot added after it is picked up by a later refresh, which
    // leaves the first one alone.
    const next = await startFakeTelegram({ token: '7000000003:AANextBotTokenForTests_0123456789', botUsername: 'acme_next_bot' });
    closers.push(() => next.close());
    router.add(next);
    const added = await h.api(admin, 'POST', '/api/channels', { kind: 'telegram', name: 'Next bot', address: 'acme_next_bot', settings: { botToken: next.token, polling: true } });
    expect(added.status).toBe(201);
    await next.waitFor('getUpdates');
    expect(pollers.channelIds).toEqual([added.body.id]);
    // Once every poll loop has returned, nothing can call Telegram for the first bot any more.
    await pollers.stop();
    expect(polls().length).toBe(calls);
  });
});
