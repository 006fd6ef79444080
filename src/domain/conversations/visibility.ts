// Who may see which conversations: supervisors and admins see the whole workspace; an agent sees
// what is assigned to them, their teams' conversations and conversations that have no team.
import type { Prisma, Role } from '../../db/client.ts';
import { forbidden, notFound } from '../../errors.ts';
import type { Tx, Db } from '../../db/client.ts';

export interface Viewer {
  agentId: string;
  workspaceId: string;
  role: Role;
  teamIds: string[];
}

export const isSupervisor = (v: Viewer) => v.role === 'supervisor' || v.role === 'admin';

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

export function requireSupervisor(v: Viewer, action: string): void {
  if (!isSupervisor(v)) throw forbidden(`Only supervisors and admins may ${action}`);
}

export function requireAdmin(v: Viewer, action: string): void {
  if (v.role !== 'admin') throw forbidden(`Only admins may ${action}`);
}
