// The workspace's organisations by name (`q`: part of the name or a domain; `domain`: exactly that
// email domain, how the panel suggests a company for a contact), and one organisation's page: the
// contacts in it the viewer may see and their newest conversations.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleContactsWhere } from '../contacts/contact-visibility.ts';
import { visibleConversationsWhere } from '../conversations/visibility.ts';
import { toOrganisationDetail, toOrganisationView, type OrganisationDetail, type OrganisationView } from './organisation-view.ts';
import { loadOrganisation, normalizeDomain } from './save-organisation.ts';

const LIST_LIMIT = 200;
const PAGE_CONTACTS = 200;
const PAGE_CONVERSATIONS = 20;

export async function listOrganisations(db: Db, viewer: Viewer, query: { q?: string; domain?: string }): Promise<OrganisationView[]> {
  const q = query.q?.trim();
  const rows = await db.organisation.findMany({
    where: {
      workspaceId: viewer.workspaceId,
      ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { domains: { has: normalizeDomain(q) } }] } : {}),
      ...(query.domain ? { domains: { has: normalizeDomain(query.domain) } } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: LIST_LIMIT,
    include: { _count: { select: { contacts: true } } },
  });
  return rows.map((r) => toOrganisationView(r, r._count.contacts));
}

export async function getOrganisation(db: Db, viewer: Viewer, id: string): Promise<OrganisationDetail> {
  const org = await loadOrganisation(db, viewer, id);
  const contactsWhere = { AND: [{ organisationId: id }, visibleContactsWhere(viewer)] };
  const [contacts, contactCount, conversations] = await Promise.all([
    db.contact.findMany({ where: contactsWhere, orderBy: [{ lastContactAt: 'desc' }, { id: 'desc' }], take: PAGE_CONTACTS }),
    db.contact.count({ where: contactsWhere }),
    db.conversation.findMany({
      where: { AND: [{ contact: { organisationId: id } }, visibleConversationsWhere(viewer)] },
      orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
      take: PAGE_CONVERSATIONS,
      include: { channel: { select: { id: true, kind: true, name: true } } },
    }),
  ]);
  return toOrganisationDetail(org, contacts, conversations, contactCount);
}
