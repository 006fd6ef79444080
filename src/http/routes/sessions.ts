// One's own login sessions: GET /api/me/sessions (the asking one marked current), DELETE
// /api/me/sessions/:id (log that one out), POST /api/me/sessions/logout-all ("log out everywhere
// else"; { keepCurrent: false } ends the asking session too).
import { Hono } from 'hono';
import { z } from 'zod';
import { endOwnSession } from '../../domain/auth/end-own-session.ts';
import { listOwnSessions } from '../../domain/auth/list-own-sessions.ts';
import { logOutEverywhere } from '../../domain/auth/log-out-everywhere.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { logoutAllBody } from '../schemas/auth.ts';
import { loggedOut } from '../session-cookie.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(64) });

export function sessionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/me/sessions', allow('agent'), async (c) => c.json(await listOwnSessions(deps.db, c.get('viewer'), { now: deps.clock.now(), idleMinutes: deps.config.SESSION_IDLE_MINUTES })));
  app.delete('/me/sessions/:id', allow('agent'), validate('param', idParam), async (c) => {
    const result = await endOwnSession(deps, c.get('viewer'), c.req.valid('param').id);
    return result.current ? loggedOut(c, deps, result) : c.json(result);
  });
  app.post('/me/sessions/logout-all', allow('agent'), validate('json', logoutAllBody), async (c) => {
    const result = await logOutEverywhere(deps, c.get('viewer'), c.req.valid('json'));
    return result.current ? loggedOut(c, deps, result) : c.json(result);
  });
  return app;
}
