// The one way two contacts are merged, by hand or automatically (same email or phone, a verified
// claim): in the caller's transaction, both rows locked, the survivor gets the chosen values, every
// row pointing at the merged contact moves to the survivor, the merged contact points at the
// survivor (mergedIntoId), and a ContactMerge keeps what an undo needs (both rows as they were and
// the ids of every moved row). Audited.
import type { Prisma, Tx } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { recordContactEvent } from '../../outgoing-webhooks/record-contact-event.ts';
import { validationFailed } from '../../parse-input.ts';
import { contactReferences, moveContactReferences } from './contact-references.ts';
import { snapshotContactRows } from './contact-row-snapshot.ts';
import { compareContacts, mergedValues, unknownChoices, type MergeChoices, type Side } from './merge-fields.ts';

export interface MergePairInput {
  workspaceId: string;
  survivorId: string;
  mergedId: string;
  choices: MergeChoices;
  /** Who decides conflicts left without a choice: 'survivor' (automatic merges), or null (by hand: every conflict must be chosen). */
  fallback: Side | null;
  actorAgentId: string | null;
  reason: string;
  now: Date;
}

export interface MergePairResult {
  mergeId: string;
  survivorId: string;
  mergedId: string;
  /** Rows moved per table, e.g. {"Conversation": 2, "Message": 5}. */
  moved: Record<string, number>;
}

/** Locks both contacts (in id order, so two merges of the same pair cannot deadlock) and reads them. */
async function lockPair(tx: Tx, workspaceId: string, ids: [string, string]) {
  const sorted = [...ids].sort();
  await tx.$queryRawUnsafe(`SELECT 1 FROM "Contact" WHERE "id" = ANY($1::text[]) AND "workspaceId" = $2 ORDER BY "id" FOR UPDATE`, sorted, workspaceId);
  const rows = await tx.contact.findMany({ where: { id: { in: sorted }, workspaceId } });
  return ids.map((id) => rows.find((r) => r.id === id));
}

export async function mergeContactPair(tx: Tx, input: MergePairInput): Promise<MergePairResult> {
  if (input.survivorId === input.mergedId) throw new AppError('unprocessable', 'A contact cannot be merged with itself');
  const [survivor, merged] = await lockPair(tx, input.workspaceId, [input.survivorId, input.mergedId]);
  if (!survivor || !merged) throw new AppError('not_found', 'Contact not found');
  for (const c of [survivor, merged]) {
    if (c.mergedIntoId) throw new AppError('conflict', `${c.name ?? 'This contact'} was already merged into another contact`);
    if (c.erasedAt) throw new AppError('conflict', 'An erased contact cannot be merged');
  }
  const cmp = compareContacts(survivor, merged);
  const problems = [...unknownChoices(cmp, input.choices), ...mergedValues(cmp, input.choices, input.fallback).unresolved];
  if (problems.length) throw validationFailed(problems, 'merge');
  const { data } = mergedValues(cmp, input.choices, input.fallback);

  const snapshots = await snapshotContactRows(tx, [survivor.id, merged.id]);
  const moved = await moveContactReferences(tx, await contactReferences(tx), merged.id, survivor.id);
  const updated = await tx.contact.update({ where: { id: survivor.id }, data: data as Prisma.ContactUpdateInput });
  await tx.contact.update({ where: { id: merged.id }, data: { mergedIntoId: survivor.id } });
  const record = await tx.contactMerge.create({
    data: {
      workspaceId: input.workspaceId,
      survivorId: survivor.id,
      mergedId: merged.id,
      actorAgentId: input.actorAgentId,
      reason: input.reason,
      choices: input.choices as object,
      snapshot: { survivor: snapshots.get(survivor.id), merged: snapshots.get(merged.id) } as object,
      moved: moved as unknown as object,
      createdAt: input.now,
    },
  });
  await recordContactEvent(tx, { type: 'contact.merged', contact: updated, at: updated.updatedAt, extra: { mergedContactId: merged.id, reason: input.reason, mergeId: record.id } });
  const counts = Object.fromEntries(moved.map((m) => [m.table === 'Contact' ? 'Contact (merged earlier)' : m.table, m.ids.length]));
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actorAgentId: input.actorAgentId,
    action: 'contact.merge',
    targetType: 'contact',
    targetId: survivor.id,
    contactId: survivor.id,
    data: { mergeId: record.id, mergedContactId: merged.id, reason: input.reason, choices: input.choices, moved: counts },
    createdAt: input.now,
  });
  return { mergeId: record.id, survivorId: survivor.id, mergedId: merged.id, moved: counts };
}
