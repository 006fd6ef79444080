// Reads of personal data are audited: who opened which contact or conversation. One entry per
// person and subject per window, so an agent reloading a conversation does not flood the log.
import type { Deps } from '../../deps.ts';
import { recordAudit } from './record-audit.ts';
import type { Viewer } from '../auth/viewer.ts';

/** A second open of the same contact or conversation by the same person within this adds no entry. */
export const READ_AUDIT_WINDOW_MS = 10 * 60_000;

export type ReadSubject = 'contact' | 'conversation';

export async function recordRead(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, input: { targetType: ReadSubject; targetId: string }): Promise<boolean> {
  const contactId = await contactOf(deps, viewer, input);
  if (contactId === undefined) return false;
  const now = deps.clock.now();
  const action = `${input.targetType}.view`;
  return deps.db.$transaction(async (tx) => {
    // Two opens at once (two tabs) take turns, so the second sees the first's entry.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`read:${viewer.agentId}:${input.targetId}`}, 0))`;
    const recent = await tx.auditEvent.findFirst({
      where: { actorAgentId: viewer.agentId, action, targetId: input.targetId, createdAt: { gt: new Date(now.getTime() - READ_AUDIT_WINDOW_MS) } },
      select: { id: true },
    });
    if (recent) return false;
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action, targetType: input.targetType, targetId: input.targetId, contactId, createdAt: now });
    return true;
  });
}

/** The customer the subject belongs to; undefined when it is not in the viewer's workspace. */
async function contactOf(deps: Pick<Deps, 'db'>, viewer: Viewer, input: { targetType: ReadSubject; targetId: string }): Promise<string | null | undefined> {
  if (input.targetType === 'contact') {
    const contact = await deps.db.contact.findFirst({ where: { id: input.targetId, workspaceId: viewer.workspaceId }, select: { id: true } });
    return contact?.id;
  }
  const conversation = await deps.db.conversation.findFirst({ where: { id: input.targetId, workspaceId: viewer.workspaceId }, select: { contactId: true } });
  return conversation?.contactId;
}
