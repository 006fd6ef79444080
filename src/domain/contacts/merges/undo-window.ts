// Whether a merge may still be undone, and why not: within 30 days, not undone already, and no
// later merge depends on it (one that merged either contact again, or merged another into either:
// undoing this one first would pull rows and values from under that one), and neither contact erased.
import type { ContactMerge, Db, Tx } from '../../../db/client.ts';

export const UNDO_WINDOW_DAYS = 30;
const UNDO_WINDOW_MS = UNDO_WINDOW_DAYS * 86_400_000;

/** The latest instant the merge can be undone. */
export const undoDeadline = (m: Pick<ContactMerge, 'createdAt'>) => new Date(m.createdAt.getTime() + UNDO_WINDOW_MS);

/** A later merge (not undone) of either contact of this one. */
export async function laterMerge(tx: Db | Tx, m: ContactMerge): Promise<ContactMerge | null> {
  const ids = [m.survivorId, m.mergedId];
  return tx.contactMerge.findFirst({
    where: {
      workspaceId: m.workspaceId,
      undoneAt: null,
      AND: [{ OR: [{ createdAt: { gt: m.createdAt } }, { createdAt: m.createdAt, id: { gt: m.id } }] }, { OR: [{ survivorId: { in: ids } }, { mergedId: { in: ids } }] }],
    },
    orderBy: { createdAt: 'desc' },
  });
}

/** Null: it can be undone now; otherwise the reason it cannot, for the agent. */
export async function undoBlocker(tx: Db | Tx, m: ContactMerge, now: Date): Promise<string | null> {
  if (m.undoneAt) return `This merge was already undone on ${m.undoneAt.toISOString().slice(0, 10)}`;
  if (now.getTime() > undoDeadline(m).getTime()) return `A merge can only be undone within ${UNDO_WINDOW_DAYS} days; this one was made on ${m.createdAt.toISOString().slice(0, 10)}`;
  // Restoring an erased contact's old row would bring back what the erasure removed.
  if (await tx.contact.count({ where: { id: { in: [m.survivorId, m.mergedId] }, erasedAt: { not: null } } })) return 'One of these contacts was erased since the merge; it cannot be undone';
  const later = await laterMerge(tx, m);
  if (later) return `A later merge (on ${later.createdAt.toISOString().slice(0, 16).replace('T', ' ')}, ${later.reason}) involves these contacts and depends on this one: undo that merge first`;
  return null;
}
