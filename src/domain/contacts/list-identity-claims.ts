// GET /api/contacts/:id/claims: what the contact claims to be without proof, newest first, each
// with the contact who owns that address now.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadVisibleContact } from './contact-visibility.ts';
import { claimOwner } from './claim-owner.ts';
import { toIdentityClaimView, type IdentityClaimView } from './identity-claim-view.ts';

export async function listIdentityClaims(db: Db, viewer: Viewer, contactId: string): Promise<IdentityClaimView[]> {
  await loadVisibleContact(db, viewer, contactId);
  const claims = await db.identityClaim.findMany({ where: { contactId }, orderBy: { createdAt: 'desc' }, take: 50 });
  const views: IdentityClaimView[] = [];
  for (const claim of claims) {
    const owner = claim.status === 'pending' ? await claimOwner(db, claim) : null;
    views.push(toIdentityClaimView(claim, owner ? { id: owner.id, name: owner.name } : null));
  }
  return views;
}
