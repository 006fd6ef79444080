// What the Telegram edges (webhook, polling) keep: customers' messages and edits in private chats
// (and groups when allowGroups is on). Other updates (update-kinds.ts says why each kind is not a
// customer message) are acknowledged and dropped with that reason; an update Parley cannot read
// is kept, so the ingest worker records why for an admin.
import { createHash } from 'node:crypto';
import { updateExternalId } from './external-id.ts';
import { chatTypeOf, readUpdate } from './update-kinds.ts';
import { telegramUpdateSchema, type TelegramSettings } from './schema.ts';

export type Admission = { admit: true; externalId: string } | { admit: false; reason: string };

export function admitTelegramUpdate(raw: unknown, settings: Pick<TelegramSettings, 'allowGroups'>): Admission {
  const parsed = telegramUpdateSchema.safeParse(raw);
  if (!parsed.success) return { admit: true, externalId: unreadableKey(raw) };
  const update = parsed.data;
  const reading = readUpdate(update);
  if (!reading.message) return { admit: false, reason: reading.reason };
  const type = chatTypeOf(reading.message.chat);
  if (type !== 'private' && !settings.allowGroups) return { admit: false, reason: `${type} message ignored (allowGroups is off)` };
  return { admit: true, externalId: updateExternalId(update) };
}

function unreadableKey(raw: unknown): string {
  const id = (raw as { update_id?: unknown } | null)?.update_id;
  if (typeof id === 'number' && Number.isInteger(id)) return `update:${id}`;
  return `unreadable:${createHash('sha256').update(JSON.stringify(raw) ?? '').digest('hex')}`;
}
