// POST /api/auth/login, POST /api/auth/logout, GET /api/me.
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getOwnProfile } from '../../domain/agents/get-own-profile.ts';
import { toLoginView } from '../../domain/auth/login-view.ts';
import { login, logout } from '../../domain/auth/sessions.ts';
import { requireAuth } from '../auth-middleware.ts';
import { SESSION_COOKIE, type AppDeps, type AppEnv } from '../context.ts';
import { loginBody } from '../schemas/auth.ts';
import { validate } from '../validate.ts';

export function authRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.post('/auth/login', validate('json', loginBody), async (c) => {
    const body = c.req.valid('json');
    const result = await login(deps.db, { ...body, now: deps.clock.now(), ttlHours: deps.config.SESSION_TTL_HOURS });
    setCookie(c, SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.COOKIE_SECURE,
      path: '/',
      expires: result.expiresAt,
    });
    return c.json(toLoginView(result));
  });
  app.post('/auth/logout', requireAuth(deps), async (c) => {
    await logout(deps.db, c.get('token'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
  app.get('/me', requireAuth(deps), async (c) => c.json(await getOwnProfile(deps.db, c.get('viewer'))));
  return app;
}
