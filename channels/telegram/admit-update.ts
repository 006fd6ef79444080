// What the Telegram edges (webhook, polling) keep: messages and edits from people in private
// chats (and groups when allowGroups is on). Other updates are acknowledged and dropped; an update
// Parley cannot read is kept, so the ingest worker records why for an admin.
import { createHash } from 'node:crypto';
import { updateExternalId } from './external-id.ts';
import { telegramUpdateSchema, type TelegramSettings } from './schema.ts';

export type Admission = { admit: true; externalId: string } | { admit: false; reason: string };

export function admitTelegramUpdate(raw: unknown, settings: Pick<TelegramSettings, 'allowGroups'>): Admission {
  const parsed = telegramUpdateSchema.safeParse(raw);
  if (!parsed.success) return { admit: true, externalId: unreadableKey(raw) };
  const update = parsed.data;
  const message = update.message ?? update.edited_message;
  if (!message) {
    const kinds = Object.keys(raw as object).filter((k) => k !== 'update_id');
    return { admit: false, reason: `update of kind ${kinds.join(', ') || 'unknown'} is not handled` };
  }
  if (!message.from || message.from.is_bot) return { admit: false, reason: 'not sent by a person (channel post or bot)' };
  if (message.chat.type !== 'private' && !settings.allowGroups) return { admit: false, reason: `${message.chat.type} message ignored (allowGroups is off)` };
  return { admit: true, externalId: updateExternalId(update) };
}

function unreadableKey(raw: unknown): string {
  const id = (raw as { update_id?: unknown } | null)?.update_id;
  if (typeof id === 'number' && Number.isInteger(id)) return `update:${id}`;
  return `unreadable:${createHash('sha256').update(JSON.stringify(raw) ?? '').digest('hex')}`;
}
