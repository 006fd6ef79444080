// allow(audience) gates a route by role, and the route-table check that createApp runs at boot
// finds every /api route that declares nothing, declares it late, or disagrees with the public list.
import { Hono, type MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AuthenticatedAgent, Role } from '../../../src/domain/auth/viewer.ts';
import type { AppEnv } from '../../../src/http/context.ts';
import { errorHandler } from '../../../src/http/error-handler.ts';
import { allow, apiEndpoints, assertRoutesDeclared, declaredAudience, endpointAudience, PUBLIC_ENDPOINTS, routeDeclarationProblems } from '../../../src/http/permissions.ts';
import { createLogger } from '../../../src/log.ts';

const as = (role: Role | null): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (role) c.set('viewer', { agentId: 'a1', workspaceId: 'w1', role, teamIds: [], name: 'A', email: 'a@x.test', sessionId: 's1' } satisfies AuthenticatedAgent);
  await next();
};

/** An app mounted the way createApp mounts its routers: routers under an /api app, that under the root. */
function mounted(build: (router: Hono<AppEnv>) => void, opts: { publicRoutes?: boolean } = {}): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  build(router);
  const api = new Hono<AppEnv>();
  api.use('*', async (_c, next) => next());
  if (opts.publicRoutes !== false) {
    // The real public endpoints, so that only what the test adds is wrong.
    for (const key of PUBLIC_ENDPOINTS) {
      const [method, path] = key.split(' ') as [string, string];
      api.on(method, path.replace(/^\/api/, ''), allow('public'), (c) => c.json({ ok: true }));
    }
  }
  api.route('/', router);
  const app = new Hono<AppEnv>();
  app.route('/api', api);
  app.on(['GET', 'HEAD'], '*', (c) => c.text('page'));
  return app;
}

describe('allow(audience)', () => {
  const app = (role: Role | null, audience: Parameters<typeof allow>[0]) => {
    const a = new Hono<AppEnv>();
    a.onError(errorHandler(createLogger('silent')));
    a.get('/x', as(role), allow(audience), (c) => c.json({ ok: true }));
    return a;
  };

  it('answers 401 without a viewer, 403 to a role below the audience, and lets the audience and above through', async () => {
    expect((await app(null, 'agent').request('/x')).status).toBe(401);
    expect((await app('agent', 'supervisor').request('/x')).status).toBe(403);
    expect(await (await app('supervisor', 'admin').request('/x')).json()).toEqual({ error: { code: 'forbidden', message: 'Only admins may do this' } });
    expect((await app('agent', 'agent').request('/x')).status).toBe(200);
    expect((await app('admin', 'supervisor').request('/x')).status).toBe(200);
    expect((await app(null, 'public').request('/x')).status).toBe(200);
  });

  it('marks what it returns with its audience, and nothing else', () => {
    expect(declaredAudience(allow('supervisor'))).toBe('supervisor');
    expect(declaredAudience(async () => undefined)).toBeUndefined();
  });
});

describe('the route table check run at boot', () => {
  it('accepts routers whose every route starts with allow(), sub-routers included', () => {
    const app = mounted((r) => {
      r.get('/things', allow('agent'), (c) => c.json([]));
      r.post('/things/:id', allow('admin'), (c) => c.json({}));
    });
    expect(routeDeclarationProblems(app.routes)).toEqual([]);
    expect(() => assertRoutesDeclared(app.routes)).not.toThrow();
    const things = apiEndpoints(app.routes).find((e) => e.path === '/api/things/:id');
    expect(things && endpointAudience(things)).toBe('admin');
  });

  it('fails for a route that declares nothing, naming it', () => {
    const app = mounted((r) => {
      r.get('/things', allow('agent'), (c) => c.json([]));
      r.delete('/things/:id', (c) => c.body(null, 204));
    });
    expect(routeDeclarationProblems(app.routes)).toEqual(['DELETE /api/things/:id: no allow(...) first in its handler chain']);
    expect(() => assertRoutesDeclared(app.routes)).toThrow(/DELETE \/api\/things\/:id/);
  });

  it('fails for allow() after a validator, so a caller without the role never learns about validation', () => {
    const validator: MiddlewareHandler<AppEnv> = async (_c, next) => next();
    const app = mounted((r) => r.patch('/things/:id', validator, allow('admin'), (c) => c.json({})));
    expect(routeDeclarationProblems(app.routes)).toEqual([
      'PATCH /api/things/:id: no allow(...) first in its handler chain',
      'PATCH /api/things/:id: allow(...) must come first, before validators',
    ]);
  });

  it('fails for router-level middleware on an API path (the old per-router auth style)', () => {
    const app = mounted((r) => {
      r.use('/things/*', async (_c, next) => next());
      r.get('/things/:id', allow('agent'), (c) => c.json({}));
    });
    expect(routeDeclarationProblems(app.routes)).toEqual(['/api/things/*: middleware or all() on an API path; declare each method\'s route with allow()']);
  });

  it('fails for a public route missing from PUBLIC_ENDPOINTS, and for a listed endpoint no route declares public', () => {
    const extra = mounted((r) => r.get('/open-door', allow('public'), (c) => c.json({})));
    expect(routeDeclarationProblems(extra.routes)).toEqual(['GET /api/open-door: declared public but not in PUBLIC_ENDPOINTS']);
    const none = mounted((r) => r.post('/auth/login', allow('agent'), (c) => c.json({})), { publicRoutes: false });
    const problems = routeDeclarationProblems(none.routes);
    expect(problems).toContain('POST /api/auth/login: in PUBLIC_ENDPOINTS but no such route declared public');
    expect(problems).toHaveLength(PUBLIC_ENDPOINTS.length);
  });

  it('accepts the listed routes outside /api (webhooks, the widget, the web UI) and fails for any other', () => {
    const app = mounted(() => undefined);
    app.post('/webhooks/:kind/:channelId', (c) => c.text('ok'));
    app.get('/widget.js', (c) => c.text('script'));
    expect(routeDeclarationProblems(app.routes)).toEqual([]);
    app.get('/exports/contacts.csv', (c) => c.text('everyone'));
    expect(routeDeclarationProblems(app.routes)).toEqual([
      'GET /exports/contacts.csv: outside /api no session is read, so it answers anyone; put it under /api with allow(), or list it in OUTSIDE_API',
    ]);
  });
});
