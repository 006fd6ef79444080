// Long polling for development (TELEGRAM_POLLING, or a channel's `polling` setting): telegraf's
// polling loop runs in the worker process and feeds every update to the same edge as the webhook.
// Telegram allows one poller per bot (a second gets 409 Conflict): poll from one worker process.
import { Telegraf } from 'telegraf';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/log.ts';
import type { Queues } from '../../src/queues.ts';
import { acceptTelegramUpdate } from './accept-update.ts';
import { allowedUpdates, parseTelegramSettings } from './schema.ts';

export interface TelegramPollers {
  channelIds: string[];
  stop(): void;
}

export async function startTelegramPolling(deps: { db: Db; queues: Queues; log: Logger }, opts: { all: boolean }): Promise<TelegramPollers> {
  const channels = await deps.db.channel.findMany({ where: { kind: 'telegram', active: true } });
  const pollers: { bot: Telegraf; stopped: boolean }[] = [];
  const channelIds: string[] = [];
  for (const channel of channels) {
    const parsed = parseTelegramSettings(channel.settings);
    if (!parsed.ok) {
      if (opts.all) deps.log.warn({ channelId: channel.id, error: parsed.error }, 'telegram channel not polled');
      continue;
    }
    if (!opts.all && !parsed.settings.polling) continue;
    const log = deps.log.child({ edge: 'telegram-polling', channelId: channel.id });
    const bot = new Telegraf(parsed.settings.botToken, { telegram: { apiRoot: parsed.settings.apiRoot } });
    bot.use(async (ctx) => {
      await acceptTelegramUpdate(deps, { channel, settings: parsed.settings, update: ctx.update });
    });
    // The update is confirmed to Telegram either way; the error says which one was lost.
    bot.catch((err, ctx) => log.error({ err, updateId: ctx.update.update_id }, 'could not store a polled telegram update'));
    const poller = { bot, stopped: false };
    // Throwing from onLaunch (after getMe, before polling starts) ends a launch that stop() came too early for.
    const onLaunch = () => {
      if (poller.stopped) throw new Error('stopped before polling started');
    };
    bot.launch({ allowedUpdates: [...allowedUpdates] }, onLaunch).catch((err: unknown) => {
      if (!poller.stopped) log.error({ err }, 'telegram polling stopped');
    });
    pollers.push(poller);
    channelIds.push(channel.id);
    log.info('polling telegram');
  }
  return {
    channelIds,
    stop() {
      for (const poller of pollers) {
        poller.stopped = true;
        try {
          poller.bot.stop('shutdown');
        } catch {
          // Not polling yet (getMe pending): onLaunch ends it.
        }
      }
    },
  };
}
