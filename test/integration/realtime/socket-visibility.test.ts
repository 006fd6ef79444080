// What an agent's socket hears follows what they may see, as it changes, over a real Parley with
// real socket.io clients: a conversation moved to another team stops streaming to the old team's
// agent who had joined it (and reaches the new team's), an agent taken out of a team stops hearing
// it at once without a reconnect (whether the person or the team is edited), and a session ended
// behind the socket's back refuses its next event. The periodic session check is set to an hour
// here, so none of this rests on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectedWithin, mustConnect, pause, type AgentSocket } from '../../support/agent-socket.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const noted = (conversationId: string, text: string) => (m: { conversationId: string; text: string | null }) => m.conversationId === conversationId && m.text === text;

describe('agent sockets hear what they may see', () => {
  let h: Harness;
  let admin: string;
  let support: string;
  let billing: string;
  let ada: AgentSocket;
  let bob: AgentSocket;
  let watcher: AgentSocket;
  let moved: string;
  let stays: string;
  const adaId = () => h.workspace.agents[1]!.id;

  const note = async (conversationId: string, text: string) => expect((await h.api(admin, 'POST', `/api/conversations/${conversationId}/notes`, { text })).status).toBe(201);
  const heardNote = (s: AgentSocket, conversationId: string, text: string) => waitUntil(async () => s.heard('message.created', noted(conversationId, text)), `${text} to arrive`);
  /** A conversation of the Support team, assigned to the admin (so routing leaves it be). */
  const supportConversation = async (subject: string) => {
    const id = await h.conversationFor(await h.sendCustomerMail({ from: `${subject.toLowerCase()}@example.com`, subject, text: subject }));
    expect((await h.api(admin, 'POST', `/api/conversations/${id}/assign`, { assigneeId: h.workspace.agents[0]!.id, teamId: support })).status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    h = await startHarness({ env: { SOCKET_SESSION_CHECK_SECONDS: '3600' } });
    admin = await h.login(h.workspace.agents[0]!.email);
    support = h.workspace.teams.get('Support')!;
    billing = h.workspace.teams.get('Billing')!;
    moved = await supportConversation('Moving');
    stays = await supportConversation('Staying');
    ada = await mustConnect(h.apiUrl, { cookie: await h.login(h.workspace.agents[1]!.email) });
    bob = await mustConnect(h.apiUrl, { cookie: await h.login(h.workspace.agents[2]!.email) });
    watcher = await mustConnect(h.apiUrl, { token: admin });
  });
  afterAll(async () => {
    for (const s of [ada, bob, watcher]) s?.close();
    await h?.close();
  });

  it('a conversation moved to another team stops streaming to the old team’s agent who had joined it, and reaches the new team’s', async () => {
    expect(await ada.ack('conversation.join', { conversationId: moved })).toEqual({ ok: true });
    expect(await bob.ack('conversation.join', { conversationId: moved })).toEqual({ ok: false, error: 'Conversation not found' });
    await note(moved, 'before the move');
    await heardNote(ada, moved, 'before the move');

    expect((await h.api(admin, 'POST', `/api/conversations/${moved}/assign`, { teamId: billing })).status).toBe(200);
    await note(moved, 'after the move');
    await heardNote(bob, moved, 'after the move');
    expect(await bob.ack('conversation.join', { conversationId: moved })).toEqual({ ok: true });
    expect(await watcher.ack('conversation.join', { conversationId: moved })).toEqual({ ok: true });
    watcher.socket.emit('conversation.typing', { conversationId: moved, typing: true });
    await waitUntil(async () => bob.heard('conversation.typing', (e) => e.conversationId === moved), 'the typing to reach the new team');
    await pause(300);
    expect(ada.heard('message.created', noted(moved, 'after the move'))).toBe(false);
    expect(ada.heard('conversation.typing', (e) => e.conversationId === moved)).toBe(false);
    expect(await ada.ack('conversation.join', { conversationId: moved })).toEqual({ ok: false, error: 'Conversation not found' });
  });

  it('an agent taken out of a team stops hearing it at once, without a reconnect, and hears their new team', async () => {
    expect(await ada.ack('conversation.join', { conversationId: stays })).toEqual({ ok: true });
    expect((await h.api(admin, 'PATCH', `/api/people/${adaId()}`, { teamIds: [billing] })).status).toBe(200);
    expect(await disconnectedWithin(ada, 500)).toBe('still connected');
    // The app is told, so its views reload what the new teams show.
    await waitUntil(async () => ada.heard('agent.access', (e) => e.teamIds.length === 1 && e.teamIds[0] === billing), 'agent.access with the new teams');
    // Published in this order on one connection: if Ada could hear the first, it would arrive first.
    await note(stays, 'support only');
    await note(moved, 'billing only');
    await heardNote(ada, moved, 'billing only');
    await pause(300);
    expect(ada.heard('message.created', noted(stays, 'support only'))).toBe(false);
    expect(await ada.ack('conversation.join', { conversationId: stays })).toEqual({ ok: false, error: 'Conversation not found' });
  });

  it('a team edited to take an agent in and out moves their socket as well', async () => {
    const members = async (ids: string[]) => expect((await h.api(admin, 'PATCH', `/api/teams/${support}`, { memberIds: ids })).status).toBe(200);
    await members([adaId()]);
    await note(stays, 'support again');
    await heardNote(ada, stays, 'support again');
    expect(await ada.ack('conversation.join', { conversationId: stays })).toEqual({ ok: true });
    await members([]);
    expect(await disconnectedWithin(ada, 500)).toBe('still connected');
    await note(stays, 'support without ada');
    await note(moved, 'billing still');
    await heardNote(ada, moved, 'billing still');
    await pause(300);
    expect(ada.heard('message.created', noted(stays, 'support without ada'))).toBe(false);
  });

  it('a session ended behind the socket’s back refuses its next event and closes it', async () => {
    const sessionId = (await h.testDb.db.session.findFirstOrThrow({ where: { agentId: h.workspace.agents[2]!.id } })).id;
    await h.testDb.db.session.delete({ where: { id: sessionId } });
    expect(await bob.ack('conversation.join', { conversationId: moved })).toEqual({ ok: false, error: 'Your session has ended; log in again' });
    expect(await disconnectedWithin(bob, 2000)).toBe('io server disconnect');
  });
});
