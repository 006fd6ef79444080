// POST /api/auth/login (rate-limited per address and email), POST /api/auth/logout, and one's own
// account: GET and PATCH /api/me (name), POST /api/me/password (needs the current one).
import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { getOwnProfile } from '../../domain/agents/get-own-profile.ts';
import { logOut } from '../../domain/auth/log-out.ts';
import { login } from '../../domain/auth/sessions.ts';
import { changeOwnPassword } from '../../domain/people/change-own-password.ts';
import { updateOwnProfile } from '../../domain/people/update-own-profile.ts';
import { SESSION_COOKIE, type AppDeps, type AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { bodyEmail, rateLimit } from '../rate-limit.ts';
import { loginBody } from '../schemas/auth.ts';
import { passwordChangeBody, profilePatchBody } from '../schemas/people.ts';
import { loggedIn } from '../session-cookie.ts';
import { validate } from '../validate.ts';

export function authRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Wrong passwords only: 10 in a row, then one every 10 seconds, per address and account.
  const loginLimit = rateLimit(deps, { name: 'login', rule: { burst: 10, perMinute: 6 }, subject: bodyEmail, failureStatus: 401 });
  app.post('/auth/login', allow('public'), loginLimit, validate('json', loginBody), async (c) => {
    const body = c.req.valid('json');
    return loggedIn(c, deps, await login(deps.db, { ...body, now: deps.clock.now(), ttlHours: deps.config.SESSION_TTL_HOURS }));
  });
  app.post('/auth/logout', allow('agent'), async (c) => {
    await logOut(deps, c.get('viewer'), c.get('token'));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
  app.get('/me', allow('agent'), async (c) => c.json(await getOwnProfile(deps.db, c.get('viewer'))));
  app.patch('/me', allow('agent'), validate('json', profilePatchBody), async (c) => c.json(await updateOwnProfile(deps, c.get('viewer'), c.req.valid('json'))));
  const passwordLimit = rateLimit(deps, { name: 'password-change', rule: { burst: 5, perMinute: 5 }, subject: (c) => c.get('viewer').agentId, failureStatus: 422 });
  app.post('/me/password', allow('agent'), passwordLimit, validate('json', passwordChangeBody), async (c) => c.json(await changeOwnPassword(deps, c.get('viewer'), c.req.valid('json'))));
  return app;
}
