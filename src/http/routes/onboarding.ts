// What anyone may call without logging in, besides logging in: the first run (GET /setup says
// whether Parley still needs its first workspace; POST /setup creates it with its admin, only
// while none exists) and one-time account links (GET /account-links/:token says what the link is
// for; POST .../accept chooses the password and logs in). All rate-limited per address.
import { Hono } from 'hono';
import { z } from 'zod';
import { acceptAccountLink, readAccountLink } from '../../domain/people/accept-account-link.ts';
import { isSetupNeeded, runFirstSetup } from '../../domain/people/run-first-setup.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { rateLimit } from '../rate-limit.ts';
import { acceptLinkBody, firstRunBody } from '../schemas/people.ts';
import { loggedIn, sessionClient } from '../session-cookie.ts';
import { validate } from '../validate.ts';

const tokenParam = z.object({ token: z.string().min(20).max(200) });

export function onboardingRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const reads = rateLimit(deps, { name: 'public-read', rule: { burst: 30, perMinute: 30 } });
  app.get('/setup', allow('public'), reads, async (c) => c.json({ needed: await isSetupNeeded(deps.db) }));
  app.post('/setup', allow('public'), rateLimit(deps, { name: 'first-run', rule: { burst: 5, perMinute: 5 } }), validate('json', firstRunBody), async (c) => {
    const result = await runFirstSetup(deps, { ...c.req.valid('json'), now: deps.clock.now(), ttlHours: deps.config.SESSION_TTL_HOURS, client: sessionClient(c, deps) });
    return loggedIn(c, deps, result, 201);
  });
  app.get('/account-links/:token', allow('public'), reads, validate('param', tokenParam), async (c) => c.json(await readAccountLink(deps.db, c.req.valid('param').token, deps.clock.now())));
  app.post('/account-links/:token/accept', allow('public'), rateLimit(deps, { name: 'account-link', rule: { burst: 10, perMinute: 10 } }), validate('param', tokenParam), validate('json', acceptLinkBody), async (c) => {
    const result = await acceptAccountLink(deps, { token: c.req.valid('param').token, ...c.req.valid('json'), now: deps.clock.now(), ttlHours: deps.config.SESSION_TTL_HOURS, client: sessionClient(c, deps) });
    return loggedIn(c, deps, result);
  });
  return app;
}
