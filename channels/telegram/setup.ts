// What an admin gives for a Telegram bot: its username and the token @BotFather gave.
import type { ChannelSetup } from '../types.ts';
import { telegramSettingsSchema } from './schema.ts';

export const telegramSetup: ChannelSetup = {
  settings: telegramSettingsSchema,
  canonicalAddress: (raw) => (/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/.test(raw.trim()) ? raw.trim().replace(/^@/, '') : null),
  addressIs: "the bot's username, e.g. acme_support_bot",
  addressHint: "The bot's username, e.g. acme_support_bot",
  form: [
    { path: 'botToken', label: 'Bot token (from @BotFather)', type: 'secret', required: true },
    { path: 'allowGroups', label: 'Take messages from groups', type: 'checkbox' },
    { path: 'polling', label: 'Poll for updates (development, no public URL)', type: 'checkbox' },
  ],
};
