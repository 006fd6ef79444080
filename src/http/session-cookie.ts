// The login answer every way in shares (password, first run, an accepted account link): the
// session as an HttpOnly cookie for the web app, and the LoginView with the token for API clients.
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { toLoginView, type LoginResult } from '../domain/auth/login-view.ts';
import { SESSION_COOKIE, type AppDeps, type AppEnv } from './context.ts';

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

