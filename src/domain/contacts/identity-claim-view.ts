// A claim as agents see it beside the conversation: "claims to be alice@example.com (unverified)",
// who already owns that address (whom "Verify and merge" merges them into), and whether a
// confirmation link went out. Node-free (src/contract).
import type { Prisma } from '../../db/model-types.ts';

type ClaimRow = Prisma.IdentityClaimGetPayload<object>;

/** The claimed fields a confirmation link can prove (an email address: the link is emailed there). */
export const LINK_PROVABLE_FIELDS: ReadonlySet<string> = new Set(['email']);

export function toIdentityClaimView(claim: ClaimRow, owner: { id: string; name: string | null } | null) {
  return {
    id: claim.id,
    contactId: claim.contactId,
    field: claim.field as 'email' | 'phone' | 'address',
    value: claim.value,
    channelKind: claim.channelKind,
    /** Why it is not proven (typed into the chat, failed DMARC ...). */
    reason: claim.reason,
    status: claim.status as 'pending' | 'verified',
    /** The contact who owns the value now; null when nobody does. */
    owner,
    /** A confirmation link can be emailed (the claim is an email address). */
    canSendLink: claim.status === 'pending' && LINK_PROVABLE_FIELDS.has(claim.field),
    linkSentAt: claim.linkSentAt?.toISOString() ?? null,
    verifiedAt: claim.verifiedAt?.toISOString() ?? null,
    verifiedVia: claim.verifiedVia as 'link' | 'agent' | null,
  };
}

export type IdentityClaimView = ReturnType<typeof toIdentityClaimView>;

/** What verifying a claim did. */
export interface VerifiedClaim {
  /** The contact the claimant now is (the owner they merged into, or themselves). */
  contactId: string;
  mergedFromId: string | null;
}
