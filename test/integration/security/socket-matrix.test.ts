// Who may do what on the agents' socket: every client-to-server event the gateway registers
// (agentClientEvents, read from the code) for conversation C1 of team Support, owned by Ada, by
// each kind of caller: no session, a website visitor's token, an agent of another team, the owning
// agent, a supervisor, an admin and an admin of another workspace. Allowed means: connected; the
// join is acknowledged ok; the typing reaches an agent watching C1; the leave is acknowledged; a
// note on C1 is heard. Anything else sent is refused. A failure prints both matrices.
import { testPasswords } from '../../support/passwords.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClientEvents, type AgentClientEventName } from '../../../src/realtime/agent-protocol.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { connectAgent, mustConnect, pause, type AgentSocket, type Credential } from '../../support/agent-socket.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { renderMatrix, yesNo, type Cell, type Matrix } from '../../support/matrix.ts';
import { waitUntil } from '../../support/wait.ts';

const callers = ['no session', 'visitor token', 'other team', 'owner', 'supervisor', 'admin', 'other workspace'] as const;
type Caller = (typeof callers)[number];
const agentsOf = (except: Caller[]) => Object.fromEntries(callers.map((c) => [c, c === 'no session' || c === 'visitor token' ? '-' : except.includes(c) ? 'no' : 'yes'])) as Record<Caller, Cell>;
const seesC1 = agentsOf(['other team', 'other workspace']);

const expected: Matrix = {
  connect: { ...agentsOf([]), 'no session': 'no', 'visitor token': 'no' },
  'conversation.join': seesC1,
  'conversation.typing': seesC1,
  'conversation.leave': agentsOf([]),
  'hears a note on C1': seesC1,
  'an unknown event': agentsOf(callers.slice()),
};

type Probe = (s: AgentSocket, caller: Caller) => Promise<boolean>;

describe('the agents’ socket event matrix', () => {
  let h: Harness;
  let c1: string;
  let watcher: AgentSocket;
  const sockets = new Map<Caller, AgentSocket>();
  const agentIds = new Map<Caller, string>();
  const credentials = new Map<Caller, Credential>();

  const probes: Record<AgentClientEventName, Probe> = {
    'conversation.join': async (s) => (await s.ack('conversation.join', { conversationId: c1 })).ok === true,
    'conversation.typing': async (s, caller) => {
      const by = (e: any) => e.conversationId === c1 && e.by?.id === agentIds.get(caller);
      s.socket.emit('conversation.typing', { conversationId: c1, typing: true });
      await pause(400);
      return watcher.heard('conversation.typing', by);
    },
    'conversation.leave': async (s) => {
      const ok = (await s.ack('conversation.leave', { conversationId: c1 })).ok === true;
      await s.ack('conversation.join', { conversationId: c1 });
      return ok;
    },
  };

  beforeAll(async () => {
    h = await startHarness({ channels: [{ kind: 'webchat', name: 'Website', address: 'matrix-website', settings: {} }] });
    const [admin, ada, bob] = h.workspace.agents;
    const supervisor = await h.testDb.db.agent.create({
      data: { workspaceId: h.workspace.workspace.id, email: 'sam@acme.test', name: 'Sam Supervisor', role: 'supervisor', passwordHash: await testPasswords.hash(PASSWORD), joinedAt: new Date() },
    });
    const other = await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, {
      name: 'Globex',
      slug: `globex-${h.workspace.workspace.slug}`,
      teams: ['Support'],
      agents: [{ email: `olga-${h.workspace.workspace.slug}@globex.test`, name: 'Olga Other', role: 'admin', password: PASSWORD, teams: ['Support'] }],
      channels: [],
    });
    const adminToken = await h.login(admin!.email);
    c1 = await h.conversationFor(await h.sendCustomerMail({ from: 'carla@example.com', subject: 'C1', text: 'Conversation one' }));
    expect((await h.api(adminToken, 'POST', `/api/conversations/${c1}/assign`, { assigneeId: ada!.id, teamId: h.workspace.teams.get('Support')! })).status).toBe(200);

    const visitorToken = await new Promise<string>((resolve, reject) => {
      void import('socket.io-client').then(({ io }) => {
        const v = io(`${h.apiUrl}/visitor`, { auth: { channel: 'matrix-website' }, transports: ['websocket'], reconnection: false });
        v.once('session', (session: { token: string }) => {
          v.close();
          resolve(session.token);
        });
        v.once('connect_error', reject);
      });
    });
    const people: [Caller, { id: string; email: string }][] = [['other team', bob!], ['owner', ada!], ['supervisor', supervisor], ['admin', admin!], ['other workspace', other.agents[0]!]];
    credentials.set('no session', {});
    credentials.set('visitor token', { token: visitorToken });
    for (const [caller, agent] of people) {
      agentIds.set(caller, agent.id);
      // Half by cookie (the browser), half by token (an API client): both are the same session.
      const token = await h.login(agent.email);
      credentials.set(caller, caller === 'owner' || caller === 'admin' ? { cookie: token } : { token });
    }
    watcher = await mustConnect(h.apiUrl, { token: adminToken });
    expect(await watcher.ack('conversation.join', { conversationId: c1 })).toEqual({ ok: true });
  });
  afterAll(async () => {
    for (const s of [watcher, ...sockets.values()]) s?.close();
    await h?.close();
  });

  it('probes every event the gateway registers', () => {
    expect(Object.keys(probes).sort()).toEqual([...agentClientEvents].sort());
  });

  it('lets each caller do exactly what their session and C1’s visibility allow', async () => {
    const actual: Matrix = { connect: {} };
    for (const caller of callers) {
      const s = await connectAgent(h.apiUrl, credentials.get(caller)!);
      actual.connect![caller] = yesNo(!('refused' in s));
      if (!('refused' in s)) sockets.set(caller, s);
    }
    for (const event of agentClientEvents) {
      actual[event] = {};
      for (const caller of callers) {
        const s = sockets.get(caller);
        actual[event]![caller] = s ? yesNo(await probes[event](s, caller)) : '-';
      }
    }
    const text = 'a note on C1 for the matrix';
    expect((await h.api(await h.login(h.workspace.agents[0]!.email), 'POST', `/api/conversations/${c1}/notes`, { text })).status).toBe(201);
    await waitUntil(async () => watcher.heard('message.created', (m) => m.text === text), 'the note at the watcher');
    await pause(300);
    actual['hears a note on C1'] = Object.fromEntries(callers.map((c) => [c, sockets.get(c) ? yesNo(sockets.get(c)!.heard('message.created', (m) => m.text === text)) : '-']));
    actual['an unknown event'] = {};
    for (const caller of callers) {
      const s = sockets.get(caller);
      const answer = s ? await s.ack('visitor.status', {}, 1000).catch(() => ({ ok: false })) : null;
      actual['an unknown event']![caller] = answer ? yesNo(answer.ok === true) : '-';
    }
    const rows = Object.keys(expected);
    expect(renderMatrix(actual, callers, rows)).toBe(renderMatrix(expected, callers, rows));
  });
});
