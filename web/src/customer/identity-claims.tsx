// What the customer claims to be without proof ("claims to be alice@example.com (unverified)"),
// under their identities, with the two ways to prove it: email them a confirmation link, or (a
// supervisor's deliberate decision) verify and merge them into the contact who owns the address.
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { IdentityClaim } from '../api/types.ts';
import { useToasts } from '../ui/toasts.tsx';

export function IdentityClaims({ contactId }: { contactId: string }) {
  const [claims, setClaims] = useState<IdentityClaim[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const toasts = useToasts();

  useEffect(() => {
    const ctl = new AbortController();
    api.contactClaims(contactId, ctl.signal).then(setClaims, () => !ctl.signal.aborted && setClaims([]));
    return () => ctl.abort();
  }, [contactId]);

  const act = async (claim: IdentityClaim, what: 'link' | 'verify') => {
    setBusy(claim.id);
    try {
      if (what === 'link') {
        const sent = await api.sendClaimLink(contactId, claim.id);
        toasts.show({ tone: 'info', text: `Confirmation link emailed to ${sent.emailedTo}` });
      } else {
        await api.verifyClaim(contactId, claim.id);
        // The conversation moves to the owner; its update (realtime) reloads the panel for them.
        toasts.show({ tone: 'info', text: `Verified ${claim.value} and merged` });
      }
      setClaims(await api.contactClaims(contactId));
    } catch (err) {
      toasts.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const pending = claims.filter((c) => c.status === 'pending');
  if (pending.length === 0) return null;
  return (
    <ul className="identity-claims" data-testid="identity-claims">
      {pending.map((c) => (
        <li key={c.id} title={c.reason}>
          <span className="badge-warn">
            claims to be {c.value} (unverified)
          </span>
          {c.owner && <span className="dim"> · owned by {c.owner.name ?? 'another contact'}</span>}
          <span className="identity-claim-actions">
            {c.canSendLink && (
              <button type="button" className="link-button" disabled={busy === c.id} onClick={() => void act(c, 'link')}>
                {c.linkSentAt ? 'Send link again' : 'Send confirmation link'}
              </button>
            )}
            <button type="button" className="link-button" disabled={busy === c.id} onClick={() => void act(c, 'verify')}>
              Verify and merge
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
