// Website chat visitors are known by a random token the widget keeps in localStorage; only its
// sha256 is stored. The visitor's id becomes the address of their webchat identity when they write.
import { createHash, randomBytes } from 'node:crypto';
import type { Db, WebchatVisitor } from '../../db/client.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN_PATTERN = /^pv_[A-Za-z0-9_-]{43}$/;

export async function createVisitor(db: Db, input: { workspaceId: string; channelId: string; now: Date }): Promise<{ visitor: WebchatVisitor; token: string }> {
  const token = `pv_${randomBytes(32).toString('base64url')}`;
  const visitor = await db.webchatVisitor.create({ data: { workspaceId: input.workspaceId, channelId: input.channelId, tokenHash: hashToken(token), createdAt: input.now, lastSeenAt: input.now } });
  return { visitor, token };
}

/** The visitor a token belongs to on this channel, or null (unknown, malformed, or another channel's). */
export async function authenticateVisitor(db: Db, input: { channelId: string; token: string; now: Date }): Promise<WebchatVisitor | null> {
  if (!TOKEN_PATTERN.test(input.token)) return null;
  const visitor = await db.webchatVisitor.findUnique({ where: { tokenHash: hashToken(input.token) } });
  if (!visitor || visitor.channelId !== input.channelId) return null;
  // Touch at most once a minute to keep reconnects read-only.
  if (input.now.getTime() - visitor.lastSeenAt.getTime() > 60_000) {
    await db.webchatVisitor.update({ where: { id: visitor.id }, data: { lastSeenAt: input.now } });
  }
  return visitor;
}
