// Who may see which conversations: supervisors and admins see the whole workspace; an agent sees
// what is assigned to them, their teams' conversations and conversations that have no team.
import type { Db, Prisma, Tx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { isSupervisor, type Viewer } from '../auth/viewer.ts';

export function visibleConversationsWhere(v: Viewer): Prisma.ConversationWhereInput {
  if (isSupervisor(v)) return { workspaceId: v.workspaceId };
  return {
    workspaceId: v.workspaceId,
    OR: [{ assigneeId: v.agentId }, { teamId: null }, ...(v.teamIds.length ? [{ teamId: { in: v.teamIds } }] : [])],
  };
}

/**
 * The same rule as a SQL condition on the Conversation row `alias`, for the plain-SQL read paths;
 * `bind` adds a parameter and returns its placeholder, so no value is ever spliced into the text.
 */
export function visibleConversationsSql(v: Viewer, alias: string, bind: (value: unknown) => string): string {
  const inWorkspace = `${alias}."workspaceId" = ${bind(v.workspaceId)}`;
  if (isSupervisor(v)) return inWorkspace;
  return `${inWorkspace} AND (${alias}."assigneeId" = ${bind(v.agentId)} OR ${alias}."teamId" IS NULL OR ${alias}."teamId" = ANY(${bind(v.teamIds)}::text[]))`;
}

/** Placeholders $1, $2, ... for `values`, in the order they are bound. */
export function binder(values: unknown[]): (value: unknown) => string {
  return (value) => `$${values.push(value)}`;
}

/** Loads a conversation the viewer may see, or throws not_found (we do not reveal that it exists). */
export async function loadVisibleConversation(db: Db | Tx, v: Viewer, conversationId: string) {
  const c = await db.conversation.findFirst({ where: { AND: [{ id: conversationId }, visibleConversationsWhere(v)] } });
  if (!c) throw notFound('Conversation');
  return c;
}
