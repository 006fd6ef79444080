// An agent asks Parley to email a confirmation link to the address a contact claims; whoever
// opens it there and confirms proves they own it (confirm-identity-claim-link.ts). Sent from the
// workspace's first active email channel through its adapter; the link itself is never shown to
// the agent, only where it went.
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.ts';
import type { Viewer } from '../auth/viewer.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import { LINK_PROVABLE_FIELDS } from './identity-claim-view.ts';
import { claimOfContact } from './verify-identity-claim.ts';

export const CLAIM_LINK_TTL_HOURS = 24;
const SEND_TIMEOUT_MS = 10_000;

export async function sendIdentityClaimLink(
  deps: Pick<Deps, 'db' | 'adapterFor' | 'log' | 'clock'>,
  viewer: Viewer,
  input: { contactId: string; claimId: string; baseUrl: string },
): Promise<{ emailedTo: string }> {
  const claim = await claimOfContact(deps.db, viewer, input);
  if (claim.status !== 'pending') throw new AppError('conflict', 'This claim is already verified');
  if (!LINK_PROVABLE_FIELDS.has(claim.field)) throw new AppError('unprocessable', 'Only an email address can be confirmed by a link');
  const channels = await deps.db.channel.findMany({ where: { workspaceId: viewer.workspaceId, active: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const channel = channels.find((c) => deps.adapterFor(c.kind).contactFields?.(c.address).email !== undefined);
  if (!channel) throw new AppError('unprocessable', 'The workspace has no active email channel to send the link from');
  const token = newSecretToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + CLAIM_LINK_TTL_HOURS * 3_600_000);
  const url = `${input.baseUrl}/api/identity-claims/${token}`;
  const workspace = await deps.db.workspace.findUniqueOrThrow({ where: { id: viewer.workspaceId }, select: { name: true } });
  const text = `Hello,\n\nSomeone chatting with ${workspace.name} said this email address is theirs. If that was you, confirm it here (the link works until ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC):\n\n${url}\n\nIf it was not you, ignore this email: nothing changes.\n`;
  const send = deps.adapterFor(channel.kind).send(
    { messageId: `identity-claim-${claim.id}-${now.getTime()}`, externalId: null, to: { address: claim.value, name: null }, subject: `Confirm your email address for ${workspace.name}`, text, html: null, inReplyTo: null, references: [], attachments: [] },
    toChannelConfig(channel),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), SEND_TIMEOUT_MS)));
  const result = await Promise.race([send, timeout]).finally(() => clearTimeout(timer));
  if (result === null) throw new AppError('unavailable', `${channel.name} did not send the link within ${SEND_TIMEOUT_MS / 1000} seconds; try again`);
  if (!result.ok) throw new AppError('unavailable', `${channel.name} could not send the link (${result.error}); try again`);
  // Only the newest link works.
  await deps.db.identityClaim.update({ where: { id: claim.id }, data: { tokenHash: hashSecretToken(token), tokenExpiresAt: expiresAt, linkSentAt: now } });
  await recordAudit(deps.db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'contact.claim_link_sent', targetType: 'contact', targetId: claim.contactId, data: { claimId: claim.id, to: claim.value } });
  return { emailedTo: claim.value };
}
