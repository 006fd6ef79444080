// Duplicate suggestions: for one contact (the customer panel) or the whole workspace (the
// supervisors' "Duplicates" page), the contacts that look like the same person and why: the same
// email or phone, the same name with similar addresses, or a chat visitor's verified email that
// another contact has. An agent sees only pairs of contacts they may see.
import type { Db } from '../../../db/client.ts';
import { requireSupervisor, type Viewer } from '../../auth/viewer.ts';
import { loadVisibleContact, visibleContactsWhere } from '../contact-visibility.ts';
import { toContactBrief, type DuplicateSuggestion } from './contact-merge-view.ts';
import { duplicatePairsSql } from './duplicate-pairs-sql.ts';

const MAX_PAIRS = 200;

async function suggestions(db: Db, viewer: Viewer, contactId: string | null, limit: number): Promise<DuplicateSuggestion[]> {
  const pairs = await db.$transaction(async (tx) => {
    // The planner's estimate for the whole-workspace branches crosses the JIT threshold, and compiling costs far more than the query (seconds vs milliseconds).
    await tx.$executeRawUnsafe('SET LOCAL jit = off');
    return tx.$queryRawUnsafe<{ a: string; b: string; reasons: string[] }[]>(duplicatePairsSql(contactId ? 'contact' : 'workspace'), viewer.workspaceId, contactId, limit);
  });
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const contacts = new Map((await db.contact.findMany({ where: { AND: [{ id: { in: ids } }, visibleContactsWhere(viewer)] } })).map((c) => [c.id, c]));
  return pairs.flatMap((p) => {
    const a = contacts.get(p.a);
    const b = contacts.get(p.b);
    return a && b ? [{ contact: toContactBrief(a), other: toContactBrief(b), reasons: [...p.reasons].sort() }] : [];
  });
}

export async function findContactDuplicates(db: Db, viewer: Viewer, contactId: string): Promise<DuplicateSuggestion[]> {
  await loadVisibleContact(db, viewer, contactId);
  return suggestions(db, viewer, contactId, 50);
}

export async function findWorkspaceDuplicates(db: Db, viewer: Viewer): Promise<DuplicateSuggestion[]> {
  requireSupervisor(viewer, 'list duplicate contacts');
  return suggestions(db, viewer, null, MAX_PAIRS);
}
