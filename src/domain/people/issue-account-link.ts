// Makes a one-time account link for a person: a random token in the URL, its sha256 in the
// database, an expiry. A new link replaces any unused one of the same purpose, so only the latest
// works.
import type { AgentTokenPurpose, Db, Tx } from '../../db/client.ts';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.ts';
import type { IssuedLink } from './account-link-view.ts';

const ttlHours = { invite: 7 * 24, password_reset: 24 } as const satisfies Record<AgentTokenPurpose, number>;
const pagePath = { invite: 'invite', password_reset: 'reset-password' } as const satisfies Record<AgentTokenPurpose, string>;

export async function issueAccountLink(
  db: Db | Tx,
  input: { workspaceId: string; agentId: string; purpose: AgentTokenPurpose; now: Date; baseUrl: string },
): Promise<IssuedLink> {
  await db.agentToken.deleteMany({ where: { agentId: input.agentId, purpose: input.purpose, usedAt: null } });
  const token = newSecretToken();
  const expiresAt = new Date(input.now.getTime() + ttlHours[input.purpose] * 3_600_000);
  await db.agentToken.create({ data: { workspaceId: input.workspaceId, agentId: input.agentId, purpose: input.purpose, tokenHash: hashSecretToken(token), expiresAt } });
  return { purpose: input.purpose, url: `${input.baseUrl.replace(/\/+$/, '')}/${pagePath[input.purpose]}/${token}`, expiresAt };
}
