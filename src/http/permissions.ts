// Who may call each API route, declared on the route itself: `allow(audience)` goes FIRST in every
// /api handler chain. The session middleware on /api/* (session.ts) lets nothing through without a
// session except PUBLIC_ENDPOINTS, and createApp refuses to boot when a route declares nothing or
// when the public routes and that list disagree (assertRoutesDeclared). Resource rules (whose
// conversation, which workspace) stay in the domain; this is the coarse, role-level gate. Routes
// outside /api (webhooks, the widget, the web UI) read no session and are listed in OUTSIDE_API.
import type { MiddlewareHandler } from 'hono';
import { requireRole, type Role } from '../domain/auth/viewer.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from './context.ts';
import { documentAudience } from './openapi/route-docs.ts';

/** `public`: anyone, no session; the roles nest as in viewer.ts (an admin may do what an agent may). */
export type Audience = 'public' | Role;

/** The only API endpoints that answer without a session, as `METHOD /api<route pattern>`. */
export const PUBLIC_ENDPOINTS: readonly string[] = [
  'POST /api/auth/login',
  'GET /api/setup',
  'POST /api/setup',
  'GET /api/account-links/:token',
  'POST /api/account-links/:token/accept',
  'GET /api/identity-claims/:token',
  'POST /api/identity-claims/:token',
  'GET /api/csat/:token',
  'POST /api/csat/:token',
  'GET /api/openapi.json',
  'GET /api/help/:workspace',
  'GET /api/help/:workspace/search',
  'GET /api/help/:workspace/articles/:slug',
];

/**
 * Routes outside /api, where no session is ever read: each is listed with what it serves, so a new
 * route there (which would answer anyone) stops the boot until it moves under /api or is listed.
 */
export const OUTSIDE_API: readonly { route: RegExp; serves: string }[] = [
  { route: /^ALL \/\*$/, serves: 'secure headers on every answer' },
  { route: /^(ALL|POST) \/webhooks\//, serves: "providers' webhooks: each adapter verifies the request's signature" },
  { route: /^GET \/healthz$/, serves: 'the health check' },
  { route: /^[A-Z]+ \/admin\/queues(\/|$)/, serves: 'the job queues dashboard (bull-board): origin check, session and allow(\'admin\') in front of all of it (queue-board.ts)' },
  { route: /^GET \/metrics$/, serves: 'Prometheus metrics: METRICS_TOKEN as a bearer token, or loopback only when unset (metrics-endpoint.ts)' },
  { route: /^GET \/readyz$/, serves: 'readiness: each dependency up or down, with latency (no data, for load balancers and orchestrators)' },
  { route: /^GET \/widget(\.js|\.js\.map|\/demo)$/, serves: 'the chat widget script, meant for any site, and its demo page' },
  { route: /^GET \/api-reference(\/:file)?$/, serves: 'the API reference page (Swagger UI and its files; it reads the public /api/openapi.json)' },
  { route: /^(GET|HEAD) \/\*$/, serves: 'the web UI build (static files; every API path is passed on)' },
];

const declared = new WeakMap<Function, Audience>();

export function allow(audience: Audience): MiddlewareHandler<AppEnv> {
  const gate: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (audience !== 'public') {
      const viewer = c.get('viewer');
      if (!viewer) throw new AppError('unauthenticated', 'Log in first');
      requireRole(viewer, audience, 'do this');
    }
    await next();
  };
  declared.set(gate, audience);
  return documentAudience(gate, audience);
}

/** The audience a handler was made for by allow(), if it was. */
export const declaredAudience = (handler: Function): Audience | undefined => declared.get(handler);

export interface RouteEntry {
  method: string;
  path: string;
  handler: Function;
}

/** One endpoint of the route table: a method and path with the chain registered for it, in order. */
export interface Endpoint {
  method: string;
  path: string;
  handlers: Function[];
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
/** The /api-wide middleware (session, origin, body checks) and the JSON 404 for unknown paths. */
const API_WIDE = '/api/*';

/** The /api endpoints of a route table (hono's `app.routes`), grouped by method and path. */
export function apiEndpoints(routes: readonly RouteEntry[]): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  for (const r of routes) {
    if (!isApi(r.path) || r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    const endpoint = byKey.get(key) ?? { method: r.method, path: r.path, handlers: [] };
    endpoint.handlers.push(r.handler);
    byKey.set(key, endpoint);
  }
  return [...byKey.values()];
}

/** The audience of an endpoint: that of the allow() its chain starts with. */
export const endpointAudience = (e: Endpoint): Audience | undefined => (e.handlers[0] ? declaredAudience(e.handlers[0]) : undefined);

/** Every problem with the table's declarations; createApp throws when there is any. */
export function routeDeclarationProblems(routes: readonly RouteEntry[]): string[] {
  const problems: string[] = [];
  for (const r of routes) {
    if (!isApi(r.path) && !OUTSIDE_API.some((o) => o.route.test(`${r.method} ${r.path}`))) {
      problems.push(`${r.method} ${r.path}: outside /api no session is read, so it answers anyone; put it under /api with allow(), or list it in OUTSIDE_API`);
    }
    // Router-level `use(path, ...)` was how some routes got auth before; now a route says it itself.
    if (isApi(r.path) && r.method === 'ALL' && r.path !== API_WIDE) problems.push(`${r.path}: middleware or all() on an API path; declare each method's route with allow()`);
  }
  const publicSeen = new Set<string>();
  for (const e of apiEndpoints(routes)) {
    const key = `${e.method} ${e.path}`;
    const audience = endpointAudience(e);
    if (!audience) problems.push(`${key}: no allow(...) first in its handler chain`);
    if (audience === 'public') {
      publicSeen.add(key);
      if (!PUBLIC_ENDPOINTS.includes(key)) problems.push(`${key}: declared public but not in PUBLIC_ENDPOINTS`);
    }
    const later = e.handlers.slice(1).find((h) => declaredAudience(h) !== undefined);
    if (later) problems.push(`${key}: allow(...) must come first, before validators`);
  }
  for (const key of PUBLIC_ENDPOINTS) if (!publicSeen.has(key)) problems.push(`${key}: in PUBLIC_ENDPOINTS but no such route declared public`);
  return problems;
}

export function assertRoutesDeclared(routes: readonly RouteEntry[]): void {
  const problems = routeDeclarationProblems(routes);
  if (problems.length) throw new Error(`Routes without a permission declaration:\n  ${problems.join('\n  ')}`);
}
