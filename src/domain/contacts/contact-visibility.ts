// Who may see which contacts: the conversation rule carried over. Supervisors and admins see every
// contact of the workspace; an agent sees a contact when they may see at least one of its
// conversations (visibility.ts), so nobody reads or edits a customer whose cases they cannot open.
import type { Db, Prisma, Tx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { isSupervisor, type Viewer } from '../auth/viewer.ts';
import { visibleConversationsSql, visibleConversationsWhere } from '../conversations/visibility.ts';

export function visibleContactsWhere(v: Viewer): Prisma.ContactWhereInput {
  if (isSupervisor(v)) return { workspaceId: v.workspaceId };
  return { workspaceId: v.workspaceId, conversations: { some: visibleConversationsWhere(v) } };
}

/** The same rule as a SQL condition on the Contact row `alias` (see visibleConversationsSql for `bind`). */
export function visibleContactsSql(v: Viewer, alias: string, bind: (value: unknown) => string): string {
  const inWorkspace = `${alias}."workspaceId" = ${bind(v.workspaceId)}`;
  if (isSupervisor(v)) return inWorkspace;
  return `${inWorkspace} AND EXISTS (SELECT 1 FROM "Conversation" vc WHERE vc."contactId" = ${alias}.id AND ${visibleConversationsSql(v, 'vc', bind)})`;
}

/** Loads a contact the viewer may see, or throws not_found (we do not reveal that it exists). */
export async function loadVisibleContact<I extends Prisma.ContactInclude>(db: Db | Tx, v: Viewer, contactId: string, include?: I) {
  const contact = await db.contact.findFirst({ where: { AND: [{ id: contactId }, visibleContactsWhere(v)] }, include: include as I });
  if (!contact) throw notFound('Contact');
  return contact;
}
