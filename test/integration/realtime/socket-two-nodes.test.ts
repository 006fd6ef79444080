// Two API nodes on one Redis (as behind a load balancer): what one node does to sessions and
// visibility reaches the sockets the other node holds, because it goes through Redis (the
// emitter and the adapter), not through a node's own memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiServer } from '../../../src/runtime.ts';
import { disconnectedWithin, mustConnect, pause } from '../../support/agent-socket.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('sockets on another node follow sessions and visibility', () => {
  let h: Harness;
  let node2: ApiServer;
  let url2: string;
  let admin: string;
  let conversation: string;

  beforeAll(async () => {
    // An hour between periodic checks: nothing here rests on them.
    h = await startHarness({ env: { SOCKET_SESSION_CHECK_SECONDS: '3600' } });
    node2 = await startApi(h.rt);
    url2 = `http://127.0.0.1:${node2.port}`;
    admin = await h.login(h.workspace.agents[0]!.email);
    conversation = await h.conversationFor(await h.sendCustomerMail({ from: 'nina@example.com', subject: 'Two nodes', text: 'Hello' }));
    expect((await h.api(admin, 'POST', `/api/conversations/${conversation}/assign`, { assigneeId: h.workspace.agents[0]!.id, teamId: h.workspace.teams.get('Support')! })).status).toBe(200);
  });
  afterAll(async () => {
    await node2?.close();
    await h?.close();
  });

  it('logging out on one node closes the session’s socket on the other', async () => {
    const session = await h.login(h.workspace.agents[1]!.email);
    const s = await mustConnect(url2, { cookie: session });
    expect((await h.api(session, 'POST', '/api/auth/logout')).status).toBe(200);
    expect(await disconnectedWithin(s, 3000)).toBe('io server disconnect');
  });

  it('a password changed on one node closes the other sessions’ sockets on the other node, and keeps its own', async () => {
    const here = await h.login(h.workspace.agents[2]!.email);
    const there = await h.login(h.workspace.agents[2]!.email);
    const mine = await mustConnect(url2, { token: here });
    const theirs = await mustConnect(url2, { token: there });
    expect((await h.api(here, 'POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: 'bob on two nodes' })).status).toBe(200);
    expect(await disconnectedWithin(theirs, 3000)).toBe('io server disconnect');
    expect(await disconnectedWithin(mine, 1000)).toBe('still connected');
    mine.close();
  });

  it('a conversation moved on one node stops streaming to the old team’s socket on the other', async () => {
    const ada = await mustConnect(url2, { cookie: await h.login(h.workspace.agents[1]!.email) });
    const bob = await mustConnect(url2, { cookie: await h.login(h.workspace.agents[2]!.email, 'bob on two nodes') });
    expect(await ada.ack('conversation.join', { conversationId: conversation })).toEqual({ ok: true });
    expect((await h.api(admin, 'POST', `/api/conversations/${conversation}/assign`, { teamId: h.workspace.teams.get('Billing')! })).status).toBe(200);
    expect((await h.api(admin, 'POST', `/api/conversations/${conversation}/notes`, { text: 'moved' })).status).toBe(201);
    await waitUntil(async () => bob.heard('message.created', (m) => m.text === 'moved'), 'the note at the new team');
    await pause(300);
    expect(ada.heard('message.created', (m) => m.text === 'moved')).toBe(false);

    // Ada joins Billing on node 1's API: her socket on node 2 hears it again, without a reconnect.
    expect((await h.api(admin, 'PATCH', `/api/people/${h.workspace.agents[1]!.id}`, { teamIds: [h.workspace.teams.get('Billing')!] })).status).toBe(200);
    expect((await h.api(admin, 'POST', `/api/conversations/${conversation}/notes`, { text: 'ada is billing now' })).status).toBe(201);
    await waitUntil(async () => ada.heard('message.created', (m) => m.text === 'ada is billing now'), 'the note at Ada, now in Billing');
    expect(await disconnectedWithin(ada, 0)).toBe('still connected');
    ada.close();
    bob.close();
  });
});
