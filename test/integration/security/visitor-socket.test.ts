// The website chat's visitor sockets against hostile visitors, over real socket.io, Postgres,
// Redis and workers: every event a visitor sends is rate-limited (typing and unknown events too),
// and a widget names its channel unambiguously across workspaces.
import { testPasswords } from '../../support/passwords.ts';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('visitor sockets under attack', () => {
  let h: Harness;
  let admin: string;
  let channelId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    h = await startHarness({ channels: [{ kind: 'webchat', name: 'Website', address: 'acme-site', settings: { rateLimit: { burst: 50, perMinute: 50 } } }] });
    admin = await h.login(h.workspace.agents[0]!.email);
    channelId = h.workspace.channels.find((c) => c.kind === 'webchat')!.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await h?.close();
  });

  const connect = async (channel: string) => {
    const socket = ioClient(`${h.apiUrl}/visitor`, { auth: { channel }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const session = await new Promise<{ visitorId: string }>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    return { socket, visitorId: session.visitorId };
  };

  it('answers a flood of unknown events with rate_limited once the visitor’s budget is spent', async () => {
    const { socket } = await connect('acme-site');
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => socket.timeout(10_000).emitWithAck('agent.spy', { i })));
    const codes = answers.map((a: any) => a.error.code);
    expect(codes.filter((c) => c === 'unknown_event').length).toBeLessThanOrEqual(61);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(139);
  });

  it('relays at most the budget of a visitor’s typing flood to the agents on the conversation', async () => {
    const { socket, visitorId } = await connect('acme-site');
    expect(await socket.timeout(5000).emitWithAck('visitor.message', { clientId: 'c1', text: 'hello' })).toMatchObject({ ok: true });
    const m = await waitUntil(async () => h.testDb.db.message.findFirst({ where: { externalId: `${visitorId}:c1` } }), 'the visitor message');
    const agent = await h.socket(admin);
    const typing: unknown[] = [];
    agent.on('conversation.typing', (p) => typing.push(p));
    expect(await agent.timeout(5000).emitWithAck('conversation.join', { conversationId: m.conversationId })).toEqual({ ok: true });
    for (let i = 0; i < 300; i++) socket.emit('visitor.typing', { typing: i % 2 === 0 });
    // The flood is through once no more typing has reached the agent for a second.
    await waitUntil(async () => typing.length > 0 || null, 'the first typing relayed');
    let seen = -1;
    while (seen !== typing.length) {
      seen = typing.length;
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(typing.length).toBeLessThanOrEqual(61);
  });

  it('a channel whose address is another workspace’s channel id does not capture that channel’s visitors', async () => {
    // Seeded directly: the admin API already refuses such keys, an older row or a hand-made one does not.
    const other = await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, {
      name: 'Evil',
      slug: `evil-${Date.now()}`,
      agents: [{ email: `evil-${Date.now()}@evil.test`, name: 'Eve', role: 'admin', password: PASSWORD }],
      channels: [{ kind: 'webchat', name: 'Trap', address: channelId, settings: {} }],
    });
    const trapId = other.channels[0]!.id;
    const { visitorId } = await connect(channelId);
    const visitor = await h.testDb.db.webchatVisitor.findUniqueOrThrow({ where: { id: visitorId } });
    expect(visitor.channelId).toBe(channelId);
    expect(visitor.channelId).not.toBe(trapId);
  });
});
