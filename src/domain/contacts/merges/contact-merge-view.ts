// What the merge screens show (node-free, src/contract): a contact in short, the side-by-side
// comparison of two contacts before a merge, a merge in a contact's history with whether (and
// until when) it can be undone, and a duplicate suggestion with its reasons.
import type { Contact, ContactMerge } from '../../../db/model-types.ts';
import type { MergeComparison } from './merge-fields.ts';

export function toContactBrief(c: Pick<Contact, 'id' | 'name' | 'email' | 'phone' | 'createdAt'>) {
  return { id: c.id, name: c.name, email: c.email, phone: c.phone, createdAt: c.createdAt.toISOString() };
}
export type ContactBrief = ReturnType<typeof toContactBrief>;

export interface MergePreview {
  survivor: ContactBrief;
  merged: ContactBrief;
  comparison: MergeComparison;
  /** Rows that move to the survivor, per table. */
  moves: Record<string, number>;
}

export interface MergeResult {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  moved: Record<string, number>;
}

export interface UndoneMerge {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  /** Rows moved back to the merged contact. */
  restored: number;
}

export function toContactMergeView(m: ContactMerge & { actor: { name: string } | null }, merged: ContactBrief | null, blocker: string | null, deadline: Date) {
  return {
    id: m.id,
    survivorId: m.survivorId,
    merged,
    mergedId: m.mergedId,
    reason: m.reason,
    actor: m.actor?.name ?? null,
    createdAt: m.createdAt.toISOString(),
    undoneAt: m.undoneAt?.toISOString() ?? null,
    /** Whether "Undo merge" works now; `undoBlockedBy` says why not. */
    undoable: blocker === null,
    undoBlockedBy: blocker,
    undoUntil: deadline.toISOString(),
  };
}
export type ContactMergeView = ReturnType<typeof toContactMergeView>;

export interface DuplicateSuggestion {
  contact: ContactBrief;
  other: ContactBrief;
  /** Why they look like one person, e.g. "Same email ann@example.test". */
  reasons: string[];
}
