// What the Telegram edges (webhook, polling) keep: customers' messages and edits in private chats
// (and groups when allowGroups is on). Other updates (update-kinds.ts says why each kind is not a
// customer message) are kept and recorded as ignored with that reason, except messages that are
// no customer's (bots, service messages), dropped at the edge; an update Parley cannot read is
// kept, so the ingest worker records why for an admin.
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
  if (!reading.message) {
    // A message that is no customer's (a bot's, a service message, a linked channel's automatic
    // forward): group noise, dropped here. Any other kind of update (a post in the company's own
    // channel, a reaction) is kept, so the ingest records it as ignored with its reason.
    if (update.message || update.edited_message) return { admit: false, reason: reading.reason };
    return { admit: true, externalId: updateExternalId(update) };
  }
  const type = chatTypeOf(reading.message.chat);
  if (type !== 'private' && !settings.allowGroups) return { admit: false, reason: `${type} message ignored (allowGroups is off)` };
  return { admit: true, externalId: updateExternalId(update) };
}

function unreadableKey(raw: unknown): string {
  const id = (raw as { update_id?: unknown } | null)?.update_id;
  if (typeof id === 'number' && Number.isInteger(id)) return `update:${id}`;
  return `unreadable:${createHash('sha256').update(JSON.stringify(raw) ?? '').digest('hex')}`;
}
