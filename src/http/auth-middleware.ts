// Resolves the session from the cookie or an `Authorization: Bearer` header.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticate } from '../domain/auth/sessions.ts';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE, type AppDeps, type AppEnv } from './context.ts';

export function sessionToken(authorization: string | undefined, cookie: string | undefined): string | null {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? cookie ?? null;
}

export function requireAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (!token) throw new AppError('unauthenticated', 'Log in first');
    const viewer = await authenticate(deps.db, token, { now: deps.clock.now(), idleMinutes: deps.config.SESSION_IDLE_MINUTES });
    if (!viewer) throw new AppError('unauthenticated', 'Your session has expired; log in again');
    c.set('viewer', viewer);
    c.set('token', token);
    await next();
  };
}
