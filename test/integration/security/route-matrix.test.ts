// Every API route the app registers (read from its own route table, not a hand list) called as each
// kind of caller: nobody, a chat widget visitor, an agent of another team, the owning agent, a
// supervisor, an admin and the admin of another workspace. The answer must match what the route
// declares with allow() plus the domain's resource rules: denied = 401/403/404, allowed = anything
// else (an empty JSON body mostly gets 400/422 from an allowed caller, so the walk changes little).
import { createAttemptLimiter } from '../../../src/http/attempt-limiter.ts';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRole } from '../../../src/domain/auth/viewer.ts';
import { createApp } from '../../../src/http/app.ts';
import { apiEndpoints, endpointAudience, routeDeclarationProblems, type Endpoint } from '../../../src/http/permissions.ts';
import { createRedisRateLimiter } from '../../../src/realtime/visitor-rate-limit.ts';
import { createProducerRedis, type Redis } from '../../../src/redis.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { buildMatrixFixtures, CALLERS, type Caller, type MatrixFixtures } from './matrix-fixtures.ts';

type Outcome = 'allowed' | 'denied';
type Ids = MatrixFixtures['ids'];

/** Which fixture fills a path parameter, by the path it is in. A route this cannot fill fails the test: add its fixture. */
const PARAMS: { path: RegExp; param: string; id: keyof Ids }[] = [
  { path: /^\/api\/conversations\/:id(\/|$)/, param: 'id', id: 'conversation' },
  { path: /^\/api\/contacts\/:id(\/|$)/, param: 'id', id: 'contact' },
  { path: /^\/api\/attachments\/:id$/, param: 'id', id: 'attachment' },
  { path: /^\/api\/people\/:id(\/|$)/, param: 'id', id: 'person' },
  { path: /^\/api\/teams\/:id$/, param: 'id', id: 'team' },
  { path: /^\/api\/queues\/:id$/, param: 'id', id: 'queue' },
  { path: /^\/api\/agents\/:id\//, param: 'id', id: 'agent' },
  { path: /^\/api\/inbound-events\/:id(\/|$)/, param: 'id', id: 'inboundEvent' },
  { path: /^\/api\/sla\/policies\/:id(\/|$)/, param: 'id', id: 'slaPolicy' },
  { path: /^\/api\/sla\/calendars\/:id(\/|$)/, param: 'id', id: 'calendar' },
  { path: /^\/api\/statuses\/:key(\/|$)/, param: 'key', id: 'statusKey' },
  { path: /^\/api\/channels\/:id(\/|$)/, param: 'id', id: 'channel' },
  { path: /^\/api\/channels\/:id\/:kind\//, param: 'kind', id: 'channelKind' },
  { path: /^\/api\/canned-responses\/:id$/, param: 'id', id: 'cannedResponse' },
  { path: /^\/api\/tasks\/:id$/, param: 'id', id: 'task' },
  { path: /^\/api\/macros\/:id(\/|$)/, param: 'id', id: 'macro' },
  { path: /^\/api\/webhook-endpoints\/:id(\/|$)/, param: 'id', id: 'webhookEndpoint' },
  { path: /^\/api\/webhook-deliveries\/:id\//, param: 'id', id: 'webhookDelivery' },
  { path: /^\/api\/account-links\/:token(\/|$)/, param: 'token', id: 'accountLinkToken' },
  { path: /^\/api\/contacts\/:id\/claims\/:claimId\//, param: 'claimId', id: 'claim' },
  { path: /^\/api\/contacts\/:id\/merges\/:mergeId\//, param: 'mergeId', id: 'contactMerge' },
  { path: /^\/api\/identity-claims\/:token$/, param: 'token', id: 'claimLinkToken' },
  { path: /^\/api\/csat\/:token$/, param: 'token', id: 'csatLinkToken' },
  { path: /^\/api\/messages\/:id\//, param: 'id', id: 'message' },
  { path: /^\/api\/me\/sessions\/:id$/, param: 'id', id: 'ownSession' },
  { path: /^\/api\/knowledge\/articles\/:id(\/|$)/, param: 'id', id: 'article' },
  { path: /^\/api\/knowledge\/articles\/:id\/:step$/, param: 'step', id: 'reviewStep' },
  { path: /^\/api\/knowledge\/categories\/:id$/, param: 'id', id: 'knowledgeCategory' },
  { path: /^\/api\/help\/:workspace(\/|$)/, param: 'workspace', id: 'helpWorkspace' },
  { path: /^\/api\/help\/:workspace\/articles\/:slug$/, param: 'slug', id: 'articleSlug' },
  { path: /^\/api\/lifecycle-stages\/:id$/, param: 'id', id: 'lifecycleStage' },
  { path: /^\/api\/attribute-definitions\/:id$/, param: 'id', id: 'attributeDefinition' },
  { path: /^\/api\/organisations\/:id$/, param: 'id', id: 'organisation' },
  { path: /^\/api\/contact-views\/:id$/, param: 'id', id: 'contactView' },
];
/** Parameters that name no record of a workspace (so another workspace's admin is not shut out by them). */
const NOT_A_RECORD = new Set<keyof Ids>(['channelKind', 'accountLinkToken', 'claimLinkToken', 'reviewStep', 'csatLinkToken']);
/** One's own records: only the owning agent reaches theirs (everyone else is told it does not exist, or that it is not theirs to change). */
const OWNER_ONLY = /^\/api\/(me\/sessions|contact-views)\/:id$/;
/** Records an agent sees only through a conversation they may see (visibility.ts): another team's agent gets 404. */
const CONVERSATION_SCOPED = /^\/api\/(conversations|contacts|attachments|messages|tasks)\/:id(\/|$)/;

/**
 * Cells today's domain answers otherwise, each fixed on another branch of the same issue. The test
 * fails when one of them turns out as expected, so the entry is removed once the fix is merged.
 */
const PENDING: Record<string, string> = {};

/**
 * A valid body for the writes that name a record: given to the callers who must be denied, so that a
 * 422 for an empty body cannot hide a missing check. (Allowed callers get `{}`, and change nothing.)
 */
const PROBE_BODIES: Record<string, (f: MatrixFixtures) => unknown> = {
  'PATCH /api/people/:id': () => ({ name: 'Probed' }),
  'PATCH /api/teams/:id': () => ({ name: 'Probed' }),
  'PATCH /api/knowledge/articles/:id': () => ({ title: 'Probed' }),
  'PATCH /api/knowledge/categories/:id': () => ({ name: 'Probed' }),
  'POST /api/conversations/:id/messages': () => ({ text: 'probe' }),
  'POST /api/conversations/:id/notes': () => ({ text: 'probe' }),
  'POST /api/conversations/:id/status': () => ({ status: 'resolved' }),
  'POST /api/conversations/:id/assign': (f) => ({ assigneeId: f.agents.otherTeamAgent.id }),
  'PATCH /api/conversations/:id': () => ({ priority: 'urgent' }),
  'PATCH /api/contacts/:id': () => ({ name: 'Probed' }),
  'POST /api/contacts/:id/erase': () => ({ confirm: 'ERASE' }),
  'POST /api/contacts/:id/merge': (f) => ({ otherId: f.ids.contact }),
  'POST /api/contacts/:id/duplicates/dismiss': (f) => ({ otherId: f.ids.contact }),
  'PATCH /api/queues/:id': () => ({ name: 'Probed' }),
  'POST /api/agents/:id/presence': () => ({ presence: 'away' }),
  'PUT /api/agents/:id/skills': () => ({ skills: [] }),
  'PUT /api/agents/:id/capacity': () => ({ capacity: 3 }),
  'PUT /api/sla/policies/:id': () => PROBE_POLICY,
  'POST /api/sla/policies/:id/preview': () => PROBE_POLICY,
  'PUT /api/sla/calendars/:id': () => PROBE_CALENDAR,
  'POST /api/sla/calendars/:id/preview': () => PROBE_CALENDAR,
  'PATCH /api/statuses/:key': () => ({ label: 'Probed' }),
  'POST /api/statuses/:key/preview': () => ({ label: 'Probed' }),
  'PATCH /api/channels/:id': () => ({ name: 'Probed' }),
  'PATCH /api/canned-responses/:id': () => ({ title: 'Probed' }),
  'PATCH /api/tasks/:id': () => ({ title: 'Probed' }),
  'PATCH /api/macros/:id': () => ({ name: 'Probed' }),
  'POST /api/macros/:id/apply': (f) => ({ conversationId: f.ids.conversation }),
  'PATCH /api/webhook-endpoints/:id': () => ({ description: 'Probed' }),
  'PATCH /api/lifecycle-stages/:id': () => ({ name: 'probed' }),
  'PATCH /api/attribute-definitions/:id': () => ({ label: 'Probed' }),
  'PATCH /api/organisations/:id': () => ({ name: 'Probed' }),
  'PATCH /api/contact-views/:id': () => ({ name: 'Probed' }),
};
const PROBE_POLICY = { name: 'Probed', targets: { normal: { first_response: 3600 } } };
const PROBE_CALENDAR = { name: 'Probed', timeZone: 'UTC', weeklyHours: { mon: [{ start: '09:00', end: '17:00' }] }, holidays: [] };

const key = (e: Endpoint) => `${e.method} ${e.path}`;

function paramIds(e: Endpoint): (keyof Ids)[] {
  return [...e.path.matchAll(/:(\w+)/g)].map(([, name]) => {
    const match = PARAMS.find((p) => p.param === name && p.path.test(e.path));
    if (!match) throw new Error(`The route matrix cannot fill :${name} of ${key(e)}: add a fixture for it to PARAMS`);
    return match.id;
  });
}

function expected(e: Endpoint, caller: Caller, f: MatrixFixtures): Outcome {
  const audience = endpointAudience(e);
  if (!audience) throw new Error(`${key(e)} declares no audience`);
  if (audience === 'public') return 'allowed';
  if (caller === 'nobody' || caller === 'visitor') return 'denied';
  if (!hasRole(f.agents[caller], audience)) return 'denied';
  if (caller === 'otherWorkspaceAdmin' && paramIds(e).some((id) => !NOT_A_RECORD.has(id))) return 'denied';
  if (caller === 'otherTeamAgent' && CONVERSATION_SCOPED.test(e.path)) return 'denied';
  if (OWNER_ONLY.test(e.path) && caller !== 'owningAgent') return 'denied';
  return 'allowed';
}

const outcomeOf = (status: number): Outcome | 'error' => (status >= 500 ? 'error' : [401, 403, 404].includes(status) ? 'denied' : 'allowed');

describe('the route x role x workspace matrix', () => {
  let h: Harness;
  let f: MatrixFixtures;
  let redis: Redis;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    h = await startHarness();
    f = await buildMatrixFixtures(h);
    redis = createProducerRedis(h.rt.config.REDIS_URL);
    const limiter = createRedisRateLimiter(redis, `matrix-${randomBytes(4).toString('hex')}`, h.rt.deps.log);
    app = createApp({ ...h.rt.deps, config: h.rt.config, limiter, attempts: createAttemptLimiter(redis, `matrix-${randomBytes(4).toString('hex')}`, h.rt.deps.log) });
  });
  afterAll(async () => {
    redis?.disconnect();
    await h?.close();
  });

  /** A cell that deletes its record gets a record of its own, so later callers still find theirs. */
  const fresh: Record<string, () => Promise<Partial<Ids>>> = {
    'DELETE /api/canned-responses/:id': async () => ({ cannedResponse: await f.freshCannedResponse() }),
    'DELETE /api/tasks/:id': async () => ({ task: await f.freshTask() }),
    'DELETE /api/macros/:id': async () => ({ macro: await f.freshMacro() }),
    'DELETE /api/webhook-endpoints/:id': async () => ({ webhookEndpoint: await f.freshWebhookEndpoint() }),
    'DELETE /api/lifecycle-stages/:id': async () => ({ lifecycleStage: await f.freshLifecycleStage() }),
    'DELETE /api/attribute-definitions/:id': async () => ({ attributeDefinition: await f.freshAttributeDefinition() }),
    'DELETE /api/organisations/:id': async () => ({ organisation: await f.freshOrganisation() }),
    'DELETE /api/contact-views/:id': async () => ({ contactView: await f.freshContactView() }),
    // Confirming spends the link; verifying settles the claim.
    'POST /api/identity-claims/:token': () => f.freshClaim(),
    'POST /api/contacts/:id/claims/:claimId/verify': () => f.freshClaim(),
    'DELETE /api/me/sessions/:id': () => f.freshOwnSession(),
  };

  async function call(e: Endpoint, caller: Caller, body: unknown): Promise<number> {
    const ids = { ...f.ids, ...(await fresh[key(e)]?.()) };
    const names = paramIds(e);
    let i = 0;
    const url = e.path.replace(/:(\w+)/g, () => encodeURIComponent(String(ids[names[i++]!])));
    const token = await f.credentials(caller);
    const res = await app.request(url, {
      method: e.method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: e.method === 'GET' ? undefined : JSON.stringify(body),
    });
    return res.status;
  }

  it('answers every registered route as declared, for every caller: no unexpected cell', async () => {
    const endpoints = apiEndpoints(app.routes);
    // Deactivation and the like come after the reads of the same record, so a read is not spoilt by them.
    const ordered = [...endpoints].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    const rows: string[] = [];
    const unexpected: string[] = [];
    for (const e of ordered) {
      const cells: string[] = [];
      for (const caller of CALLERS) {
        const want = expected(e, caller, f);
        const status = await call(e, caller, want === 'denied' ? (PROBE_BODIES[key(e)]?.(f) ?? {}) : {});
        const got = outcomeOf(status);
        const cell = `${key(e)} ${caller}`;
        const pending = PENDING[cell];
        const ok = pending ? got !== want : got === want;
        if (!ok) unexpected.push(pending ? `${cell}: now ${got} as expected; remove it from PENDING (${pending})` : `${cell}: ${status} (${got}), expected ${want}`);
        cells.push(`${caller}=${status}${ok ? '' : ' ✗'}${pending ? ' (pending)' : ''}`);
      }
      rows.push(`${key(e).padEnd(48)} [${endpointAudience(e)}] ${cells.join('  ')}`);
    }
    expect(unexpected, `\n${rows.join('\n')}\n`).toEqual([]);
    expect(endpoints.length).toBeGreaterThan(70);
  });

  it('walks the table the app boots with: it passes the declaration check, and one undeclared route would not', () => {
    expect(routeDeclarationProblems(app.routes)).toEqual([]);
    const withNewRoute = [...app.routes, { method: 'GET', path: '/api/forecasts', handler: () => new Response('secret') }];
    expect(routeDeclarationProblems(withNewRoute)).toEqual(['GET /api/forecasts: no allow(...) first in its handler chain']);
  });

  it('refuses an unknown API path without a session (401), and says 404 to a logged-in caller', async () => {
    expect((await app.request('/api/no-such-thing')).status).toBe(401);
    const token = await f.credentials('admin');
    const res = await app.request('/api/no-such-thing', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such API endpoint' } });
  });
});
