// The login answer every way in shares (password, first run, an accepted account link): the
// session as an HttpOnly cookie for the web app (Secure when Parley is served over https), and
// the LoginView with the token for API clients. Logging out clears the cookie the same way.
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { toLoginView, type LoginResult } from '../domain/auth/login-view.ts';
import type { SessionClient } from '../domain/auth/sessions.ts';
import { SESSION_COOKIE, type AppDeps, type AppEnv } from './context.ts';
import { clientAddress } from './rate-limit.ts';

export function loggedIn(c: Context<AppEnv>, deps: Pick<AppDeps, 'config'>, result: LoginResult, status: 200 | 201 = 200) {
  setCookie(c, SESSION_COOKIE, result.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.COOKIE_SECURE,
    path: '/',
    expires: result.expiresAt,
  });
  return c.json(toLoginView(result), status);
}

/** The answer when the asking session ended: the cookie is cleared with the attributes it was set with. */
export function loggedOut<T extends object>(c: Context<AppEnv>, deps: Pick<AppDeps, 'config'>, body: T = { ok: true } as T) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: deps.config.COOKIE_SECURE });
  return c.json(body);
}

/** Where a login comes from, for the person's list of sessions. */
export const sessionClient = (c: Context<AppEnv>, deps: Pick<AppDeps, 'config'>): SessionClient => {
  const ip = clientAddress(c, deps.config.TRUST_PROXY);
  return { ip: ip === 'unknown' ? null : ip, userAgent: c.req.header('user-agent') ?? null };
};
