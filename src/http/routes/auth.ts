// POST /api/auth/login (limited per address and account), POST /api/auth/logout, and one's own
// account: GET and PATCH /api/me (name), POST /api/me/password (needs the current one).
import { Hono } from 'hono';
import { login } from '../../domain/auth/login.ts';
import { logOut } from '../../domain/auth/log-out.ts';
import { logout } from '../../domain/auth/sessions.ts';
import { getOwnProfile } from '../../domain/agents/get-own-profile.ts';
import { changeOwnPassword } from '../../domain/people/change-own-password.ts';
import { updateOwnProfile } from '../../domain/people/update-own-profile.ts';
import type { AttemptRule } from '../attempt-limiter.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { attemptLimit, bodyEmail } from '../rate-limit.ts';
import { loginBody } from '../schemas/auth.ts';
import { passwordChangeBody, profilePatchBody } from '../schemas/people.ts';
import { loggedIn, loggedOut, sessionClient } from '../session-cookie.ts';
import { validate } from '../validate.ts';

// Wrong passwords only (a success gives its point back). See docs/security.md for the reasoning:
// 10 in a row from one address at one account, then wait out the 15 minutes (OWASP's lockout
// advice, as a delay rather than a lock);
export const loginFromAddressToAccount: AttemptRule = { name: 'login-address-account', points: 10, windowSeconds: 15 * 60, resetOnSuccess: true };
// 100 an hour from one address at any accounts (password spraying; an office behind one NAT has room);
export const loginFromAddress: AttemptRule = { name: 'login-address', points: 100, windowSeconds: 60 * 60 };
// 100 an hour at one account from anywhere (NIST SP 800-63B's ceiling): keeping someone locked out takes 10+ addresses.
export const loginToAccount: AttemptRule = { name: 'login-account', points: 100, windowSeconds: 60 * 60 };
const currentPassword: AttemptRule = { name: 'password-change', points: 5, windowSeconds: 15 * 60, resetOnSuccess: true };

export function authRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const loginLimit = attemptLimit(deps, {
    failureStatus: 401,
    buckets: [
      {
        rule: loginFromAddressToAccount,
        key: async (c, address) => {
          const email = await bodyEmail(c);
          return email ? `${address}:${email}` : null;
        },
      },
      { rule: loginFromAddress, key: (_c, address) => address },
      { rule: loginToAccount, key: (c) => bodyEmail(c) },
    ],
  });
  app.post('/auth/login', allow('public'), loginLimit, validate('json', loginBody), async (c) => {
    const body = c.req.valid('json');
    const client = sessionClient(c, deps);
    return loggedIn(c, deps, await login(deps, { ...body, now: deps.clock.now(), ttlHours: deps.config.SESSION_TTL_HOURS, client }));
  });
  app.post('/auth/logout', allow('agent'), async (c) => {
    await logOut(deps, c.get('viewer'), c.get('token'));
    return loggedOut(c, deps);
  });
  app.get('/me', allow('agent'), async (c) => c.json(await getOwnProfile(deps.db, c.get('viewer'))));
  app.patch('/me', allow('agent'), validate('json', profilePatchBody), async (c) => c.json(await updateOwnProfile(deps, c.get('viewer'), c.req.valid('json'))));
  const passwordLimit = attemptLimit(deps, { failureStatus: 422, buckets: [{ rule: currentPassword, key: (c) => c.get('viewer').agentId }] });
  app.post('/me/password', allow('agent'), passwordLimit, validate('json', passwordChangeBody), async (c) => c.json(await changeOwnPassword(deps, c.get('viewer'), c.req.valid('json'))));
  return app;
}
