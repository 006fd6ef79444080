// A conversation's activity through the real pipeline: routing (waiting in a step, assigned when
// an agent comes online), a supervisor's transfer, priority, tags, status and the customer's
// reopening reply come back with the messages from GET /api/conversations/:id, each with who did
// it and when, and reach the people watching live as `conversation.activity`.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEventResponse } from '../../../src/contract/index.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('conversation activity', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let adaSocket: Socket;
  const heard: ConversationEventResponse[] = [];

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const events = async (conversationId: string) => (await h.api<{ events: ConversationEventResponse[] }>(admin, 'GET', `/api/conversations/${conversationId}`)).body.events;
  const summaryOf = (e: ConversationEventResponse) => ({ kind: e.kind, actor: e.actor?.name ?? null, data: e.data });

  let conv: string;
  let inbound: string;

  it('records the routing step a new conversation waits in, and the routed assignment once an agent comes online', async () => {
    inbound = await h.sendCustomerMail({ from: 'Rosa <rosa@example.com>', subject: 'Broken hinge', text: 'The lid of my kettle came off.' });
    conv = await h.conversationFor(inbound);
    // Nobody is online: it waits in the default workflow's first step.
    await waitUntil(async () => (await events(conv)).some((e) => e.kind === 'routing.queued'), 'the routing step entry');
    adaSocket = await h.socket(ada);
    adaSocket.on('conversation.activity', (e: ConversationEventResponse) => heard.push(e));
    const assigned = await waitUntil(async () => (await events(conv)).find((e) => e.kind === 'assignment'), 'the routed assignment');
    expect(summaryOf(assigned)).toEqual({ kind: 'assignment', actor: null, data: { agent: { from: null, to: { id: h.workspace.agents[1]!.id, name: 'Ada Agent' } }, via: 'routing', queue: 'General', step: 0 } });
    const list = await events(conv);
    expect(list.map((e) => e.kind)).toEqual(['routing.queued', 'assignment']);
    expect(summaryOf(list[0]!)).toEqual({ kind: 'routing.queued', actor: null, data: { queue: 'General', step: 0, filter: 'everyone' } });
    // The timeline has the messages beside the entries, each entry with its time.
    const detail = await h.api(admin, 'GET', `/api/conversations/${conv}`);
    expect(detail.body.messages.map((m: { text: string }) => m.text)).toEqual(['The lid of my kettle came off.']);
    expect(Date.parse(list[1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(list[0]!.createdAt));
  });

  it('records a transfer, a priority change and tags with the supervisor who made them, and tells the old assignee live', async () => {
    const bob = h.workspace.agents[2]!;
    const billing = h.workspace.teams.get('Billing')!;
    expect((await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: bob.id, teamId: billing })).status).toBe(200);
    expect((await h.api(admin, 'PATCH', `/api/conversations/${conv}`, { priority: 'high', tags: ['hardware'] })).status).toBe(200);
    // The same tags again change nothing and record nothing.
    expect((await h.api(admin, 'PATCH', `/api/conversations/${conv}`, { tags: ['hardware'] })).status).toBe(200);
    const list = (await events(conv)).slice(2).map(summaryOf);
    expect(list).toEqual([
      {
        kind: 'assignment',
        actor: 'Alex Admin',
        data: { agent: { from: { id: h.workspace.agents[1]!.id, name: 'Ada Agent' }, to: { id: bob.id, name: 'Bob Agent' } }, team: { from: null, to: { id: billing, name: 'Billing' } }, via: 'manual' },
      },
      { kind: 'priority', actor: 'Alex Admin', data: { from: 'normal', to: 'high', via: 'manual' } },
      { kind: 'tags', actor: 'Alex Admin', data: { added: ['hardware'], removed: [] } },
    ]);
    // Ada was the assignee: she hears the transfer that takes it from her.
    const transfer = await waitUntil(async () => heard.find((e) => e.kind === 'assignment' && e.actor?.name === 'Alex Admin'), 'the live transfer entry');
    expect(transfer.conversationId).toBe(conv);
  });

  it('records resolving, and the customer reopening it with a reply, by nobody', async () => {
    expect((await h.api(admin, 'POST', `/api/conversations/${conv}/status`, { status: 'resolved' })).status).toBe(200);
    await h.sendCustomerMail({ from: 'rosa@example.com', subject: 'Re: Broken hinge', text: 'It came off again.', inReplyTo: inbound, references: [inbound] });
    const reopened = await waitUntil(async () => {
      const list = await events(conv);
      return list.length >= 7 ? list.slice(5) : null;
    }, 'the reopening entry');
    expect(reopened.map(summaryOf)).toEqual([
      { kind: 'status', actor: 'Alex Admin', data: { from: 'open', to: 'resolved', label: 'Resolved', snoozedUntil: null } },
      { kind: 'status', actor: null, data: { from: 'resolved', to: 'open', label: 'Open', snoozedUntil: null } },
    ]);
  });

  it('shows activity only to those who may see the conversation', async () => {
    // Ada (Support) no longer sees a Billing conversation assigned to Bob.
    expect((await h.api(ada, 'GET', `/api/conversations/${conv}`)).status).toBe(404);
  });
});
