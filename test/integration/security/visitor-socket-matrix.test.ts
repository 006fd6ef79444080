// Who may act as website visitor V1 on the widget's socket (/visitor, channel W1): every event the
// widget may send (visitorClientEvents, read from the code), by V1's own token, the token of a
// visitor of another workspace's chat channel, an agent's session token, an agent's session
// cookie (and bearer header) and no token at all. Only V1's token reaches V1's conversation;
// every other caller is at most a new visitor of its own, and an agent's credentials never make
// the socket an agent's. A failure prints both matrices.
import { testPasswords } from '../../support/passwords.ts';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitorClientEvents } from '../../../channels/webchat/protocol.ts';
import { SESSION_COOKIE } from '../../../src/http/context.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { mustConnect, pause, type AgentSocket } from '../../support/agent-socket.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { renderMatrix, yesNo, type Matrix } from '../../support/matrix.ts';
import { waitUntil } from '../../support/wait.ts';

const callers = ['own token', 'other channel’s token', 'agent token', 'agent cookie', 'no token'] as const;
type Caller = (typeof callers)[number];
const onlyOwn = Object.fromEntries(callers.map((c) => [c, c === 'own token' ? 'yes' : 'no'])) as Record<Caller, 'yes' | 'no'>;
const everyone = Object.fromEntries(callers.map((c) => [c, 'yes'])) as Record<Caller, 'yes'>;
const nobody = Object.fromEntries(callers.map((c) => [c, 'no'])) as Record<Caller, 'no'>;

const expected: Matrix = {
  'connects (as a visitor)': everyone,
  'is visitor V1': onlyOwn,
  'visitor.history: V1’s messages': onlyOwn,
  'visitor.status: V1’s conversation': onlyOwn,
  'visitor.message: lands in V1’s conversation': onlyOwn,
  'visitor.offline: lands in V1’s conversation': onlyOwn,
  'visitor.typing: shown on V1’s conversation': onlyOwn,
  'conversation.join (an agent event)': nobody,
};

interface Visitor {
  socket: Socket;
  visitorId: string;
  token: string;
  call(event: string, payload?: unknown): Promise<any>;
}

describe('the widget’s socket event matrix', () => {
  let h: Harness;
  let v1: Visitor;
  let v1Conversation: string;
  let watcher: AgentSocket;
  const auth = new Map<Caller, { auth: Record<string, unknown>; headers?: Record<string, string> }>();

  const connect = (path: string, a: Record<string, unknown>, headers: Record<string, string> = {}) =>
    new Promise<Visitor>((resolve, reject) => {
      const socket = ioClient(`${h.apiUrl}${path}`, { auth: a, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
      socket.once('session', (s: { visitorId: string; token: string | null }) =>
        resolve({ socket, visitorId: s.visitorId, token: s.token ?? String(a.token), call: (event, payload = {}) => socket.timeout(5000).emitWithAck(event, payload) }),
      );
      socket.once('connect_error', reject);
    });
  const landsInV1 = async (v: Visitor, clientId: string) => {
    const m = await waitUntil(async () => h.testDb.db.message.findFirst({ where: { externalId: `${v.visitorId}:${clientId}` } }), `message ${clientId} stored`);
    return m.conversationId === v1Conversation;
  };
  let n = 0;
  const probes: Record<(typeof visitorClientEvents)[number], { row: string; probe: (v: Visitor) => Promise<boolean> }> = {
    'visitor.history': { row: 'visitor.history: V1’s messages', probe: async (v) => (await v.call('visitor.history')).messages.some((m: { text: string }) => m.text === 'hello from V1') },
    'visitor.status': { row: 'visitor.status: V1’s conversation', probe: async (v) => (await v.call('visitor.status')).conversation !== null },
    'visitor.message': {
      row: 'visitor.message: lands in V1’s conversation',
      probe: async (v) => {
        const clientId = `m${++n}`;
        expect(await v.call('visitor.message', { clientId, text: `probe ${clientId}` })).toMatchObject({ ok: true });
        return landsInV1(v, clientId);
      },
    },
    'visitor.offline': {
      row: 'visitor.offline: lands in V1’s conversation',
      probe: async (v) => {
        const clientId = `o${++n}`;
        expect(await v.call('visitor.offline', { clientId, text: `probe ${clientId}`, name: 'Probe', email: 'probe@example.com' })).toMatchObject({ ok: true });
        return landsInV1(v, clientId);
      },
    },
    'visitor.typing': {
      row: 'visitor.typing: shown on V1’s conversation',
      probe: async (v) => {
        const before = watcher.events.length;
        v.socket.emit('visitor.typing', { typing: true });
        await pause(400);
        const shown = watcher.events.slice(before).some((e) => e.name === 'conversation.typing' && e.payload.conversationId === v1Conversation && e.payload.by.type === 'contact');
        v.socket.emit('visitor.typing', { typing: false });
        await pause(100);
        return shown;
      },
    },
  };

  beforeAll(async () => {
    h = await startHarness({ channels: [{ kind: 'webchat', name: 'Website', address: 'vm-website', settings: {} }] });
    await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, {
      name: 'Globex',
      slug: `globex-${h.workspace.workspace.slug}`,
      agents: [{ email: `gina-${h.workspace.workspace.slug}@globex.test`, name: 'Gina Globex', role: 'admin', password: PASSWORD }],
      channels: [{ kind: 'webchat', name: 'Globex site', address: `vm-globex-${h.workspace.workspace.slug}`, settings: {} }],
    });
    v1 = await connect('/visitor', { channel: 'vm-website' });
    expect(await v1.call('visitor.message', { clientId: 'first', text: 'hello from V1' })).toMatchObject({ ok: true });
    v1Conversation = (await waitUntil(async () => h.testDb.db.message.findFirst({ where: { externalId: `${v1.visitorId}:first` } }), 'V1’s message')).conversationId;
    const other = await connect('/visitor', { channel: `vm-globex-${h.workspace.workspace.slug}` });
    other.socket.close();
    const agentSession = await h.login(h.workspace.agents[1]!.email);
    watcher = await mustConnect(h.apiUrl, { token: await h.login(h.workspace.agents[0]!.email) });
    expect(await watcher.ack('conversation.join', { conversationId: v1Conversation })).toEqual({ ok: true });
    const channel = 'vm-website';
    auth.set('own token', { auth: { channel, token: v1.token } });
    auth.set('other channel’s token', { auth: { channel, token: other.token } });
    auth.set('agent token', { auth: { channel, token: agentSession } });
    auth.set('agent cookie', { auth: { channel }, headers: { cookie: `${SESSION_COOKIE}=${agentSession}`, authorization: `Bearer ${agentSession}` } });
    auth.set('no token', { auth: { channel } });
  });
  afterAll(async () => {
    v1?.socket.close();
    watcher?.close();
    await h?.close();
  });

  it('probes every event the widget may send', () => {
    expect(Object.keys(probes).sort()).toEqual([...visitorClientEvents].sort());
  });

  it('lets only V1’s own token act as V1; agents’ credentials make no agent of a visitor socket', async () => {
    const actual: Matrix = Object.fromEntries(Object.keys(expected).map((row) => [row, {}]));
    for (const caller of callers) {
      const { auth: a, headers } = auth.get(caller)!;
      const v = await connect('/visitor', a, headers).catch(() => null);
      actual['connects (as a visitor)']![caller] = yesNo(v !== null);
      if (!v) continue;
      actual['is visitor V1']![caller] = yesNo(v.visitorId === v1.visitorId);
      for (const event of visitorClientEvents) actual[probes[event].row]![caller] = yesNo(await probes[event].probe(v));
      const join = await v.call('conversation.join', { conversationId: v1Conversation });
      actual['conversation.join (an agent event)']![caller] = yesNo(join.ok === true);
      v.socket.close();
    }
    const rows = Object.keys(expected);
    expect(renderMatrix(actual, callers, rows)).toBe(renderMatrix(expected, callers, rows));
  });
});
