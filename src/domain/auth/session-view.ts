// GET /api/me/sessions: one's own login sessions, the one asking marked `current`. Node-free (src/contract).
import type { Session } from '../../db/model-types.ts';
import { describeUserAgent } from './describe-user-agent.ts';

export function toSessionView(s: Pick<Session, 'id' | 'createdAt' | 'lastSeenAt' | 'expiresAt' | 'ip' | 'userAgent'>, currentSessionId: string) {
  return {
    id: s.id,
    current: s.id === currentSessionId,
    device: describeUserAgent(s.userAgent),
    userAgent: s.userAgent,
    ip: s.ip,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
  };
}

export type SessionView = ReturnType<typeof toSessionView>;
