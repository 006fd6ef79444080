// A claim becomes true: the claimant followed the link emailed to that address, or an agent
// verified it deliberately ("Verify and merge"). Only then does the claimant merge into the
// contact who owns the address (or, when nobody does, get it as their own), with an audit entry
// saying who proved it and how.
import { loadVisibleContact } from './contact-visibility.ts';
import type { Db, IdentityClaim } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { claimOwner } from './claim-owner.ts';
import type { VerifiedClaim } from './identity-claim-view.ts';
import { mergeContacts } from './merge-contacts.ts';

const REPUBLISH_LIMIT = 50;


export async function verifyIdentityClaim(
  deps: Pick<Deps, 'db' | 'publisher' | 'log' | 'clock'>,
  input: { claim: IdentityClaim; via: 'link' | 'agent'; agentId: string | null },
): Promise<VerifiedClaim> {
  const { claim } = input;
  const now = deps.clock.now();
  const outcome = await deps.db.$transaction(async (tx) => {
    // The claim may have moved with its contact since it was read (an earlier merge): read it again.
    const current = await tx.identityClaim.findUniqueOrThrow({ where: { id: claim.id }, include: { contact: true } });
    if (current.status !== 'pending') throw new AppError('conflict', 'This claim was already verified');
    const claimantId = current.contact.mergedIntoId ?? current.contactId;
    const owner = await claimOwner(tx, { ...current, contactId: claimantId });
    await tx.identityClaim.update({ where: { id: current.id }, data: { status: 'verified', verifiedAt: now, verifiedVia: input.via, verifiedByAgentId: input.agentId, tokenHash: null, tokenExpiresAt: null } });
    // The claimant's channel addresses are theirs, proven by their channel; the claimed one is now proven too.
    await tx.contactIdentity.updateMany({ where: { contactId: claimantId, workspaceId: current.workspaceId, channelKind: current.channelKind, address: current.value, verifiedAt: null }, data: { verifiedAt: now, verification: `claim verified by ${input.via}` } });
    let result: VerifiedClaim = { contactId: claimantId, mergedFromId: null };
    if (owner) {
      await mergeContacts(tx, { fromId: claimantId, intoId: owner.id, reason: `verified ${current.field} ${current.value} (${input.via})`, now });
      result = { contactId: owner.id, mergedFromId: claimantId };
    } else if (current.field !== 'address') {
      await tx.contact.updateMany({ where: { id: claimantId, [current.field]: null }, data: { [current.field]: current.value } });
    }
    await recordAudit(tx, {
      workspaceId: current.workspaceId,
      actorAgentId: input.agentId,
      action: 'contact.claim_verified',
      targetType: 'contact',
      targetId: result.contactId,
      data: { claimId: current.id, field: current.field, value: current.value, via: input.via, mergedContactId: result.mergedFromId },
    });
    return result;
  });
  deps.log.info({ claimId: claim.id, ...outcome, via: input.via }, 'identity claim verified');
  const moved = await deps.db.conversation.findMany({ where: { contactId: outcome.contactId }, orderBy: { lastMessageAt: 'desc' }, take: REPUBLISH_LIMIT, select: { id: true } });
  for (const c of moved) await publishConversation(deps, c.id, 'conversation.updated');
  return outcome;
}

/** The agent's deliberate "Verify and merge": supervisors and admins, for a claim of a contact of their workspace. */
export async function verifyAndMergeClaim(deps: Pick<Deps, 'db' | 'publisher' | 'log' | 'clock'>, viewer: Viewer, input: { contactId: string; claimId: string }): Promise<VerifiedClaim> {
  requireSupervisor(viewer, 'verify and merge a claimed identity');
  const claim = await claimOfContact(deps.db, viewer, input);
  return verifyIdentityClaim(deps, { claim, via: 'agent', agentId: viewer.agentId });
}

export async function claimOfContact(db: Db, viewer: Viewer, input: { contactId: string; claimId: string }): Promise<IdentityClaim> {
  await loadVisibleContact(db, viewer, input.contactId);
  const claim = await db.identityClaim.findFirst({ where: { id: input.claimId, contactId: input.contactId, workspaceId: viewer.workspaceId } });
  if (!claim) throw notFound('Claim');
  return claim;
}
