// Routing end to end through the real pipeline: automatic assignment, skills with escalation,
// the previous agent's preference, offers, presence, workflow validation and the board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('routing', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let bob: string;
  let adaId: string;
  let bobId: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    bob = await h.login(h.workspace.agents[2]!.email);
    adaId = h.workspace.agents[1]!.id;
    bobId = h.workspace.agents[2]!.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const conversationFor = (messageId: string) => h.conversationFor(messageId);
  const settle = (id: string, pred: (c: any) => boolean, what: string) =>
    waitUntil(async () => {
      const c = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id } });
      return pred(c) ? c : null;
    }, what);

  it('assigns a new email to an online agent with room, and tells them live', async () => {
    expect((await h.api(ada, 'POST', '/api/me/presence', { presence: 'online' })).status).toBe(200);
    const socket = await h.socket(ada);
    const assigned: any[] = [];
    socket.on('conversation.assigned', (c) => assigned.push(c));
    const conv = await conversationFor(await h.sendCustomerMail({ from: 'r1@example.com', subject: 'Route me', text: 'hello' }));
    const c = await settle(conv, (x) => x.assigneeId !== null, 'assignment');
    expect(c.assigneeId).toBe(adaId);
    await waitUntil(async () => assigned.find((x) => x.id === conv), 'the live assignment event');
    const audit = await h.testDb.db.auditEvent.findFirst({ where: { targetId: conv, action: 'conversation.routed' } });
    expect(audit?.data).toMatchObject({ agentId: adaId, queue: 'General', step: 0 });
    await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'resolved' });
    await h.api(ada, 'POST', '/api/me/presence', { presence: 'offline' });
  });

  it('rejects a workflow that names a queue or skill that does not exist, naming where', async () => {
    const res = await h.api(admin, 'PUT', '/api/routing/workflow', { fallback: { steps: [{ queue: 'Nope', timeoutSeconds: 60 }] } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('fallback.steps.0.queue: no queue named "Nope"');
    const bad = await h.api(admin, 'PUT', '/api/routing/workflow', { fallback: { steps: [] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('fallback.steps');
    expect((await h.api(ada, 'PUT', '/api/routing/workflow', { fallback: { steps: [{ queue: 'General', timeoutSeconds: 60 }] } })).status).toBe(403);
  });

  it('routes by keyword to a skilled queue, relaxes the skill after the step times out, and shows it on the board', async () => {
    expect((await h.api(admin, 'POST', '/api/queues', { name: 'Billing' })).status).toBe(201);
    expect((await h.api(admin, 'PUT', `/api/agents/${bobId}/skills`, { skills: [{ skill: 'billing', level: 1 }] })).status).toBe(200);
    const wf = await h.api(admin, 'PUT', '/api/routing/workflow', {
      filters: [
        {
          name: 'billing questions',
          when: { keywords: ['invoice', 'refund'] },
          steps: [
            { queue: 'Billing', requirement: { skills: [{ skill: 'billing', minLevel: 3 }] }, timeoutSeconds: 60 },
            { queue: 'Billing', requirement: { skills: [{ skill: 'billing', minLevel: 1 }] }, timeoutSeconds: 60 },
          ],
        },
      ],
      fallback: { steps: [{ queue: 'General', timeoutSeconds: 600 }] },
    });
    expect(wf.status).toBe(200);
    await h.api(bob, 'POST', '/api/me/presence', { presence: 'online' });
    const conv = await conversationFor(await h.sendCustomerMail({ from: 'r2@example.com', subject: 'Wrong invoice', text: 'My invoice is wrong' }));
    // Nobody has billing:3, so it waits in Billing at step 0 ...
    await settle(conv, (x) => x.routingStep === 0 && x.queueId !== null, 'waiting at step 0');
    const board = await h.api(admin, 'GET', '/api/supervisor/board');
    const billing = board.body.queues.find((q: any) => q.name === 'Billing');
    expect(billing).toMatchObject({ waiting: 1, eligibleAgents: 1, availableAgents: 1 });
    expect(board.body.agents.find((a: any) => a.id === bobId)).toMatchObject({ presence: 'online', load: 0 });
    // ... until the step times out and billing:1 is enough. The timeout is a delayed route job
    // for a minute from now; the test runs it now instead of waiting the minute out.
    const timeout = await waitUntil(async () => {
      const delayed = await h.rt.deps.queues.raw('route').getDelayed();
      return delayed.find((j) => j.data.conversationId === conv && j.data.reason === 'escalate' && j.data.step === 0);
    }, 'the step timeout scheduled');
    expect(timeout.delay).toBeGreaterThan(55_000);
    expect(timeout.delay).toBeLessThanOrEqual(60_000);
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).assigneeId).toBeNull();
    await timeout.promote();
    const c = await settle(conv, (x) => x.assigneeId !== null, 'assignment after escalation');
    expect(c.assigneeId).toBe(bobId);
    expect(c.routingStep).toBe(1);
    expect((await h.api(ada, 'GET', '/api/supervisor/board')).status).toBe(403);
    await h.api(bob, 'POST', '/api/me/presence', { presence: 'offline' });
  });

  it('prefers the agent who last helped this contact', async () => {
    const first = await conversationFor(await h.sendCustomerMail({ from: 'loyal@example.com', subject: 'First question', text: 'q1' }));
    await h.api(admin, 'POST', `/api/conversations/${first}/assign`, { assigneeId: bobId });
    await h.api(bob, 'POST', `/api/conversations/${first}/messages`, { text: 'Answer one' });
    await h.api(bob, 'POST', `/api/conversations/${first}/status`, { status: 'resolved' });
    // Ada is idle, Bob is busier; the contact's previous agent still wins.
    await h.api(admin, 'POST', '/api/conversations/' + (await conversationFor(await h.sendCustomerMail({ from: 'other@example.com', subject: 'Busy work', text: 'x' }))) + '/assign', { assigneeId: bobId });
    await h.api(ada, 'POST', '/api/me/presence', { presence: 'online' });
    await h.api(bob, 'POST', '/api/me/presence', { presence: 'online' });
    const second = await conversationFor(await h.sendCustomerMail({ from: 'loyal@example.com', subject: 'Another question', text: 'q2' }));
    const c = await settle(second, (x) => x.assigneeId !== null, 'assignment');
    expect(c.assigneeId).toBe(bobId);
    await h.api(ada, 'POST', '/api/me/presence', { presence: 'offline' });
    await h.api(bob, 'POST', '/api/me/presence', { presence: 'offline' });
  });

  it('offers in offer mode: a decline moves the offer to the next agent, who accepts', async () => {
    await h.api(admin, 'PUT', '/api/routing/workflow', { fallback: { steps: [{ queue: 'Offers', timeoutSeconds: 600 }] } }).then((r) => expect(r.status).toBe(422));
    await h.api(admin, 'POST', '/api/queues', { name: 'Offers', mode: 'offer', offerTimeoutSeconds: 60 });
    expect((await h.api(admin, 'PUT', '/api/routing/workflow', { fallback: { steps: [{ queue: 'Offers', timeoutSeconds: 600 }] } })).status).toBe(200);
    await h.api(ada, 'POST', '/api/me/presence', { presence: 'online' });
    await h.api(bob, 'POST', '/api/me/presence', { presence: 'online' });
    const conv = await conversationFor(await h.sendCustomerMail({ from: 'offer@example.com', subject: 'Offer me', text: 'x' }));
    const offered = await settle(conv, (x) => x.offeredAgentId !== null, 'an offer');
    const [first, second] = offered.offeredAgentId === adaId ? [ada, bob] : [bob, ada];
    const secondId = offered.offeredAgentId === adaId ? bobId : adaId;
    expect((await h.api(second, 'POST', `/api/conversations/${conv}/offer/accept`)).status).toBe(409);
    // The standing offer is listed for its agent only (an inbox shows it again after a reload).
    const standing = await h.api(first, 'GET', '/api/me/offers');
    expect(standing.body.items.map((o: { conversation: { id: string } }) => o.conversation.id)).toEqual([conv]);
    expect(Date.parse(standing.body.items[0].expiresAt)).toBe(offered.offerExpiresAt!.getTime());
    expect((await h.api(second, 'GET', '/api/me/offers')).body.items).toEqual([]);
    expect((await h.api(first, 'POST', `/api/conversations/${conv}/offer/decline`)).status).toBe(200);
    expect((await h.api(first, 'GET', '/api/me/offers')).body.items).toEqual([]);
    await settle(conv, (x) => x.offeredAgentId === secondId, 'the offer moving on');
    const accepted = await h.api(second, 'POST', `/api/conversations/${conv}/offer/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.assignee.id).toBe(secondId);
    expect((await h.api(second, 'GET', '/api/me/offers')).body.items).toEqual([]);
    await h.api(admin, 'PUT', '/api/routing/workflow', { fallback: { steps: [{ queue: 'General', timeoutSeconds: 600 }] } });
  });

  it('an agent going offline keeps their emails but supervisors are told', async () => {
    const conv = await conversationFor(await h.sendCustomerMail({ from: 'held@example.com', subject: 'Held', text: 'x' }));
    await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: adaId });
    await h.api(ada, 'POST', '/api/me/presence', { presence: 'offline' });
    const note = await waitUntil(async () => h.testDb.db.notification.findFirst({ where: { kind: 'agent.offline-with-work', agentId: h.workspace.agents[0]!.id, data: { path: ['conversationIds'], array_contains: [conv] } } }), 'the supervisor notification');
    expect((note.data as any).conversationIds).toContain(conv);
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).assigneeId).toBe(adaId);
  });
});
