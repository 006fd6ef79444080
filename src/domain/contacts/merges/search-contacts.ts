// "Merge with...": find a contact by any part of their name, email or phone (trigram indexes), among
// the live contacts the agent may see.
import type { Db } from '../../../db/client.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { visibleContactsWhere } from '../contact-visibility.ts';
import { toContactBrief, type ContactBrief } from './contact-merge-view.ts';

export async function searchContacts(db: Db, viewer: Viewer, input: { q: string; limit: number }): Promise<ContactBrief[]> {
  const q = input.q.trim();
  const like = { contains: q, mode: 'insensitive' as const };
  const found = await db.contact.findMany({
    where: { AND: [visibleContactsWhere(viewer), { mergedIntoId: null, erasedAt: null }, { OR: [{ name: like }, { email: like }, { phone: like }] }] },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: input.limit,
  });
  return found.map(toContactBrief);
}
