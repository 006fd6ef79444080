// The one authentication step of the API: resolves the session from the cookie or an
// `Authorization: Bearer` header for every /api request, and refuses with 401 any request that has
// none unless the route it reaches is one of PUBLIC_ENDPOINTS. Roles are the routes' allow().
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import { authenticate } from '../domain/auth/sessions.ts';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE, type AppDeps, type AppEnv } from './context.ts';
import { PUBLIC_ENDPOINTS } from './permissions.ts';

export function sessionToken(authorization: string | undefined, cookie: string | undefined): string | null {
  const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? cookie ?? null;
}

/** Whether the request reaches only public endpoints (by route pattern, so no spelling of a path slips past). */
function reachesOnlyPublic(c: Context<AppEnv>): boolean {
  // The web UI's catch-all (GET *) matches too; it is not an API endpoint.
  const endpoints = matchedRoutes(c).filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
  return endpoints.length > 0 && endpoints.every((r) => PUBLIC_ENDPOINTS.includes(`${r.method} ${r.path}`));
}

export function resolveSession(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (reachesOnlyPublic(c)) return next();
    const token = sessionToken(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    if (!token) throw new AppError('unauthenticated', 'Log in first');
    const viewer = await authenticate(deps.db, token, { now: deps.clock.now(), idleMinutes: deps.config.SESSION_IDLE_MINUTES });
    if (!viewer) throw new AppError('unauthenticated', 'Your session has expired; log in again');
    c.set('viewer', viewer);
    c.set('token', token);
    await next();
  };
}
