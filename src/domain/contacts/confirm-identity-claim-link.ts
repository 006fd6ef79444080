// The page a confirmation link opens (GET shows what it confirms; POST confirms, so a mail
// scanner that fetches links proves nothing) and confirming it: the claim is verified by link.
// An unknown, used or expired link gets one answer, so links cannot be probed.
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { hashSecretToken } from '../auth/secret-token.ts';
import { verifyIdentityClaim } from './verify-identity-claim.ts';

const spent = () => new AppError('not_found', 'This link has expired or was already used');

async function liveClaim(deps: Pick<Deps, 'db' | 'clock'>, token: string) {
  const claim = await deps.db.identityClaim.findUnique({ where: { tokenHash: hashSecretToken(token) }, include: { workspace: { select: { name: true } } } });
  if (!claim || claim.status !== 'pending' || !claim.tokenExpiresAt || claim.tokenExpiresAt <= deps.clock.now()) throw spent();
  return claim;
}

export async function readClaimLink(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<{ value: string; workspaceName: string }> {
  const claim = await liveClaim(deps, token);
  return { value: claim.value, workspaceName: claim.workspace.name };
}

export async function confirmClaimLink(deps: Pick<Deps, 'db' | 'publisher' | 'log' | 'clock'>, token: string): Promise<{ value: string; workspaceName: string }> {
  const { workspace, ...claim } = await liveClaim(deps, token);
  await verifyIdentityClaim(deps, { claim, via: 'link', agentId: null });
  return { value: claim.value, workspaceName: workspace.name };
}
