// Parley as a cluster: two API processes and two worker processes (child processes, tsx), one fresh
// database, one Redis of the test's own. A signed webhook posted to node A reaches an agent socket
// on node B; a widget visitor on node B gets the agent's reply sent through node A; one worker is SIGKILLed and messages keep arriving, each stored and heard once; the
// periodic jobs run once per interval across both workers.
import { randomBytes } from 'node:crypto';
import { io as ioClient, type Socket } from 'socket.io-client';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twilioSender } from '../../reliability/support/senders.ts';
import { people, QUEUE_PREFIX, SMS_NUMBER, startBenchCluster, TWILIO, type BenchCluster } from '../../bench/support/bench-cluster.ts';
import { mustConnect, type AgentSocket } from '../../support/agent-socket.ts';
import { waitUntil } from '../../support/wait.ts';

const runTag = randomBytes(3).toString('hex');
const sms = (i: number) => ({
  MessageSid: `SM${runTag}${String(i).padStart(26, '0')}`,
  AccountSid: TWILIO.accountSid,
  From: `+1415${String(3_000_000 + (i % 3)).padStart(7, '0')}`,
  To: SMS_NUMBER,
  Body: `cluster text ${runTag} ${i}`,
  NumMedia: '0',
  NumSegments: '1',
  SmsStatus: 'received',
  ApiVersion: '2010-04-01',
});

describe('two API nodes and two workers', () => {
  let c: BenchCluster;
  let agentOnB: AgentSocket;
  let postToA: ReturnType<typeof twilioSender>;
  let token: string;
  let visitor: Socket | undefined;

  beforeAll(async () => {
    c = await startBenchCluster({ mode: 'tsx', apiCount: 2, workerCount: 2, env: { LOG_LEVEL: 'warn', SWEEP_INTERVAL_SECONDS: '1' } });
    const nodeA = c.apiNodes[0]!.url;
    postToA = twilioSender({ apiUrl: nodeA, publicUrl: nodeA, authToken: TWILIO.authToken, path: '/webhooks/twilio/messages' });
    token = await c.login(people.admin);
    agentOnB = await mustConnect(c.apiNodes[1]!.url, { token });
    await c.db.channel.create({ data: { workspaceId: c.workspaceId, kind: 'webchat', name: 'Website', address: 'bench-website', settings: {} } });
  }, 180_000);
  afterAll(async () => {
    agentOnB?.close();
    visitor?.disconnect();
    await c?.close();
  }, 60_000);

  const heardTimes = (text: string) => agentOnB.events.filter((e) => e.name === 'message.created' && e.payload?.text === text).length;
  const storedTimes = (i: number) => c.db.message.count({ where: { externalId: sms(i).MessageSid } });

  it('a webhook posted to node A reaches an agent socket on node B', async () => {
    expect(await postToA(sms(0))).toBe('accepted');
    await waitUntil(async () => heardTimes(sms(0).Body) > 0, 'the message at the socket on node B', 60_000);
    expect(await storedTimes(0)).toBe(1);
  }, 90_000);

  it('each periodic job runs once per interval across both workers', async () => {
    // A scheduler's run is the job `repeat:<scheduler>:<slot>`: two runs of one slot would complete one id twice.
    const events = new QueueEvents('maintenance', { connection: { url: c.redis.url }, prefix: QUEUE_PREFIX });
    const runs: string[] = [];
    events.on('completed', ({ jobId }) => runs.push(jobId));
    try {
      await events.waitUntilReady();
      const sweeps = () => runs.filter((id) => id.startsWith('repeat:sweep-inbound:'));
      await waitUntil(async () => sweeps().length >= 4, 'four sweeps (one a second)', 60_000);
      expect(new Set(runs).size).toBe(runs.length);
      const slots = sweeps().map((id) => Number(id.split(':').pop())).sort((a, b) => a - b);
      // One run per slot, the slots an interval (1 s) apart or more: never two in one interval.
      for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(1_000);
    } finally {
      await events.close();
    }
  }, 90_000);

  it('a widget visitor on node B gets the reply an agent sends through node A', async () => {
    visitor = ioClient(`${c.apiNodes[1]!.url}/visitor`, { auth: { channel: 'bench-website' }, transports: ['websocket'], reconnection: false });
    const events: { name: string; payload: any }[] = [];
    visitor.onAny((name: string, payload: unknown) => events.push({ name, payload }));
    const session = await new Promise<{ visitorId: string }>((resolve, reject) => {
      visitor!.once('session', resolve);
      visitor!.once('connect_error', reject);
    });
    const sent = await visitor.timeout(10_000).emitWithAck('visitor.message', { clientId: 'c1', text: `widget ${runTag}`, name: 'Vera Visitor' });
    expect(sent).toMatchObject({ ok: true });
    const inbound = await waitUntil(() => c.db.message.findFirst({ where: { externalId: `${session.visitorId}:c1` } }), 'the visitor message stored', 60_000);
    const reply = await fetch(`${c.apiNodes[0]!.url}/api/conversations/${inbound.conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: `reply ${runTag}` }),
    });
    expect(reply.status).toBe(202);
    const got = await waitUntil(async () => events.find((e) => e.name === 'message' && e.payload?.text === `reply ${runTag}`), 'the reply at the visitor on node B', 60_000);
    expect(got.payload).toMatchObject({ direction: 'out' });
  }, 90_000);

  it('a SIGKILLed worker loses nothing: every message is stored and heard once', async () => {
    const [doomed, survivor] = c.workerProcesses;
    doomed!.child.kill('SIGKILL');
    await doomed!.exited;
    const ids = [1, 2, 3, 4, 5, 6];
    for (const i of ids) expect(await postToA(sms(i))).toBe('accepted');
    await waitUntil(async () => ids.every((i) => heardTimes(sms(i).Body) > 0), 'every message heard on node B after the kill', 90_000);
    for (const i of ids) {
      expect(await storedTimes(i)).toBe(1);
      expect(heardTimes(sms(i).Body)).toBe(1);
    }
    expect(survivor!.child.exitCode).toBeNull();
  }, 120_000);
});
