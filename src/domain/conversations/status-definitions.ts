// Conversation statuses as data: each says its category, whether SLA clocks run in it, and
// whether it moves on by itself after a while. Workspaces start with these four and may add more.
import type { ConversationStatus, Db, Tx } from '../../db/client.ts';

export interface StatusDef {
  key: string;
  label: string;
  category: ConversationStatus;
  slaClock: 'run' | 'pause' | 'stop';
  autoAfterSeconds: number | null;
  autoToKey: string | null;
}

export const defaultStatusDefinitions: StatusDef[] = [
  { key: 'open', label: 'Open', category: 'open', slaClock: 'run', autoAfterSeconds: null, autoToKey: null },
  // Waiting on the customer: the clock pauses; unanswered for a week, it resolves itself.
  { key: 'pending', label: 'Pending on customer', category: 'pending', slaClock: 'pause', autoAfterSeconds: 7 * 24 * 3600, autoToKey: 'resolved' },
  // Snoozed until a time (Conversation.snoozedUntil), then back to open.
  { key: 'snoozed', label: 'Snoozed', category: 'snoozed', slaClock: 'pause', autoAfterSeconds: null, autoToKey: 'open' },
  { key: 'resolved', label: 'Resolved', category: 'resolved', slaClock: 'stop', autoAfterSeconds: null, autoToKey: null },
];

export async function seedStatusDefinitions(tx: Tx, workspaceId: string): Promise<void> {
  await tx.statusDefinition.createMany({
    data: defaultStatusDefinitions.map((d, position) => ({ ...d, workspaceId, position })),
    skipDuplicates: true,
  });
}

export async function statusDefinition(db: Db | Tx, workspaceId: string, key: string): Promise<StatusDef> {
  const row = await db.statusDefinition.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  if (row) return row;
  const fallback = defaultStatusDefinitions.find((d) => d.key === key);
  if (!fallback) throw new Error(`unknown status ${key} in workspace ${workspaceId}`);
  return fallback;
}

/** The status a category falls back to when a caller names only the category. */
export async function statusForCategory(db: Db | Tx, workspaceId: string, category: ConversationStatus): Promise<StatusDef> {
  const row = await db.statusDefinition.findFirst({ where: { workspaceId, category }, orderBy: { position: 'asc' } });
  return row ?? defaultStatusDefinitions.find((d) => d.category === category)!;
}
