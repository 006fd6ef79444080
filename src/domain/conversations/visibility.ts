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

/** Loads a conversation the viewer may see, or throws not_found (we do not reveal that it exists). */
export async function loadVisibleConversation(db: Db | Tx, v: Viewer, conversationId: string) {
  const c = await db.conversation.findFirst({ where: { AND: [{ id: conversationId }, visibleConversationsWhere(v)] } });
  if (!c) throw notFound('Conversation');
  return c;
}
