// Queue administration through the API: a change touches only the fields it names (renaming an
// offer queue keeps it an offer queue), a queue's team must be the workspace's, a renamed queue
// keeps its place in the routing workflow, and the workflow editor's skill list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('queues and skills for the routing editor', () => {
  let h: Harness;
  let admin: string;
  let ada: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('renaming an offer queue keeps its mode, team and offer timeout', async () => {
    const teamId = h.workspace.teams.get('Billing')!;
    const created = await h.api(admin, 'POST', '/api/queues', { name: 'Offers', teamId, mode: 'offer', offerTimeoutSeconds: 90 });
    expect(created.status).toBe(201);
    const renamed = await h.api(admin, 'PATCH', `/api/queues/${created.body.id}`, { name: 'Offered work' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Offered work', teamId, mode: 'offer', offerTimeoutSeconds: 90 });
    const timeout = await h.api(admin, 'PATCH', `/api/queues/${created.body.id}`, { offerTimeoutSeconds: 45 });
    expect(timeout.body).toMatchObject({ name: 'Offered work', teamId, mode: 'offer', offerTimeoutSeconds: 45 });
    expect(await h.testDb.db.queue.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({ name: 'Offered work', mode: 'offer', offerTimeoutSeconds: 45, teamId });
    const cleared = await h.api(admin, 'PATCH', `/api/queues/${created.body.id}`, { teamId: null });
    expect(cleared.body).toMatchObject({ teamId: null, mode: 'offer' });
  });

  it('refuses an empty change, a team of nobody, a taken name and agents, naming the field', async () => {
    const [general] = (await h.api(admin, 'GET', '/api/queues')).body.items as { id: string; name: string }[];
    const empty = await h.api(admin, 'PATCH', `/api/queues/${general!.id}`, {});
    expect(empty.status).toBe(422);
    const team = await h.api(admin, 'PATCH', `/api/queues/${general!.id}`, { teamId: 'no-such-team' });
    expect(team.status).toBe(422);
    expect(team.body.error.details).toEqual([{ path: 'teamId', message: 'no team no-such-team' }]);
    const short = await h.api(admin, 'PATCH', `/api/queues/${general!.id}`, { offerTimeoutSeconds: 1 });
    expect(short.body.error.details).toEqual([{ path: 'offerTimeoutSeconds', message: 'at least 5 seconds' }]);
    expect((await h.api(admin, 'POST', '/api/queues', { name: 'Offered work' })).status).toBe(409);
    expect((await h.api(ada, 'PATCH', `/api/queues/${general!.id}`, { name: 'Mine' })).status).toBe(403);
    expect((await h.testDb.db.queue.findUniqueOrThrow({ where: { id: general!.id } })).name).toBe('General');
  });

  it('a renamed queue keeps its steps in the routing workflow', async () => {
    const vip = await h.api(admin, 'POST', '/api/queues', { name: 'VIP' });
    const saved = await h.api(admin, 'PUT', '/api/routing/workflow', {
      filters: [{ name: 'Big customers', when: { contactTier: ['gold'] }, steps: [{ queue: 'VIP', timeoutSeconds: 60 }, { queue: 'General', timeoutSeconds: 60 }] }],
      fallback: { steps: [{ queue: 'General', timeoutSeconds: 600 }] },
    });
    expect(saved.status).toBe(200);
    await h.api(admin, 'PATCH', `/api/queues/${vip.body.id}`, { name: 'Priority customers' });
    const wf = await h.api(admin, 'GET', '/api/routing/workflow');
    expect(wf.body.version).toBe(saved.body.version + 1);
    expect(wf.body.definition.filters[0].steps.map((s: { queue: string }) => s.queue)).toEqual(['Priority customers', 'General']);
  });

  it('reports workflow problems at the path of the field, each one', async () => {
    const res = await h.api(admin, 'PUT', '/api/routing/workflow', {
      filters: [{ name: 'Tech', when: { teamId: ['nope'] }, steps: [{ queue: 'Nowhere', requirement: { skills: [{ skill: 'klingon', minLevel: 2 }] }, timeoutSeconds: 60 }] }],
      fallback: { steps: [{ queue: 'General', timeoutSeconds: 0 }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'fallback.steps.0.timeoutSeconds' })]);
    const named = await h.api(admin, 'PUT', '/api/routing/workflow', {
      filters: [{ name: 'Tech', when: { teamId: ['nope'] }, steps: [{ queue: 'Nowhere', requirement: { skills: [{ skill: 'klingon', minLevel: 2 }] }, timeoutSeconds: 60 }] }],
      fallback: { steps: [{ queue: 'General', timeoutSeconds: 60 }] },
    });
    expect(named.body.error.details).toEqual([
      { path: 'filters.0.when.teamId.0', message: 'no team nope' },
      { path: 'filters.0.steps.0.queue', message: 'no queue named "Nowhere"' },
      { path: 'filters.0.steps.0.requirement.skills.0.skill', message: 'no skill named "klingon"' },
    ]);
  });

  it('lists the skills with how many agents have each, for supervisors', async () => {
    const [, adaAgent, bob] = h.workspace.agents;
    await h.api(admin, 'PUT', `/api/agents/${adaAgent!.id}/skills`, { skills: [{ skill: 'tech', level: 4 }, { skill: 'german', level: 2 }] });
    await h.api(admin, 'PUT', `/api/agents/${bob!.id}/skills`, { skills: [{ skill: 'tech', level: 1 }] });
    const skills = await h.api(admin, 'GET', '/api/skills');
    expect(skills.body.items.map((s: { name: string; agentCount: number }) => [s.name, s.agentCount])).toEqual([
      ['german', 1],
      ['tech', 2],
    ]);
    expect((await h.api(ada, 'GET', '/api/skills')).status).toBe(403);
  });
});
