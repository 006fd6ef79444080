// The IMAP poller against a real IMAP server on loopback (hoodiecrow-imap, an in-memory server),
// the real database and the real ingest queue.
import { toChannelConfig } from '../../../../src/domain/channels/channel-config.ts';
import type { Channel } from '../../../../src/db/client.ts';
import { systemClock } from '../../../../src/clock.ts';
import { loadConfig } from '../../../../src/config.ts';
import { createListenerContext } from '../../../../src/domain/inbound/listener-context.ts';
import { listenerSettings } from '../../../../src/runtime-listeners.ts';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pollImapChannel, pollImapChannels, maxMessagesPerPoll } from '../../../../channels/email/imap-poll.ts';
import { normalizeEmail } from '../../../../channels/email/normalize.ts';
import { createLogger } from '../../../../src/log.ts';
import { createQueues, queueNames, type Queues } from '../../../../src/queues.ts';
import { createProducerRedis, type Redis } from '../../../../src/redis.ts';
import { createWorkspace } from '../../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../../support/db.ts';
import { testRedisUrl } from '../../../support/env.ts';
import { testPasswords } from '../../../support/passwords.ts';

// hoodiecrow-imap is CommonJS without type declarations; this is the part of it the tests use.
interface HoodiecrowMessage {
  raw: string;
  flags: string[];
  uid: number;
}
interface HoodiecrowServer {
  server: Server;
  listen(port: number, host: string, cb: () => void): void;
  close(cb: () => void): void;
  getMailbox(path: string): { messages: HoodiecrowMessage[] };
  appendMessage(mailbox: string, flags: string[], internaldate: Date | undefined, raw: string): void;
}
type HoodiecrowOptions = {
  users: Record<string, { password: string }>;
  storage: Record<string, { uidvalidity?: number; messages?: { raw: string; flags?: string[] }[] }>;
};
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as (options: HoodiecrowOptions) => HoodiecrowServer;

const user = 'support@acme.test';
const password = 'correct horse';
const log = createLogger('silent');

let testDb: TestDb;
let redis: Redis;
let queues: Queues;
const running: { close(): Promise<void> }[] = [];

const mail = (id: string | null, subject: string) =>
  [...(id ? [`Message-ID: <${id}>`] : []), 'From: Customer <customer@example.test>', `To: ${user}`, `Subject: ${subject}`, '', `Hello about ${subject}.`, ''].join('\r\n');

async function startImapServer(messages: { raw: string; flags?: string[] }[], opts: { uidvalidity?: number } = {}) {
  const imap = hoodiecrow({ users: { [user]: { password } }, storage: { INBOX: { messages, ...opts }, '': {} } });
  const sockets = new Set<Socket>();
  imap.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => imap.listen(0, '127.0.0.1', resolve));
  const server = {
    port: (imap.server.address() as AddressInfo).port,
    inbox: () => imap.getMailbox('INBOX').messages,
    deliver: (raw: string, flags: string[] = []) => imap.appendMessage('INBOX', flags, undefined, raw),
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        imap.close(() => resolve());
      }),
  };
  running.push(server);
  return server;
}

async function createImapChannel(port: number, opts: { pass?: string; state?: object; authservIds?: string[] } = {}) {
  const tag = randomBytes(4).toString('hex');
  const imap = { host: '127.0.0.1', port, secure: false, auth: { user, pass: opts.pass ?? password }, ...(opts.authservIds ? { authservIds: opts.authservIds } : {}) };
  const { workspace, channels } = await createWorkspace({ db: testDb.db, passwords: testPasswords }, {
    name: `Acme ${tag}`,
    slug: `acme-${tag}`,
    agents: [],
    channels: [
      { kind: 'email', name: 'Support', address: `support-${tag}@acme.test`, settings: { smtp: { host: '127.0.0.1', port: 1 }, imap } },
      { kind: 'email', name: 'Sales (SMTP only)', address: `sales-${tag}@acme.test`, settings: { smtp: { host: '127.0.0.1', port: 1 } } },
    ],
  });
  const channel = channels[0]!;
  if (opts.state) await testDb.db.channel.update({ where: { id: channel.id }, data: { state: opts.state } });
  return { workspace, channel: await testDb.db.channel.findUniqueOrThrow({ where: { id: channel.id } }), smtpOnly: channels[1]! };
}

const polled = (row: Channel) => ({ ...toChannelConfig(row), state: row.state });
const deps = () => createListenerContext({ db: testDb.db, queues, log, clock: systemClock }, { kind: 'email', name: 'imap', settings: listenerSettings(loadConfig({})), api: null, every: null, leases: null });
const eventsOf = (channelId: string) => testDb.db.inboundEvent.findMany({ where: { channelId }, orderBy: { externalId: 'asc' } });
const stateOf = async (channelId: string) => (await testDb.db.channel.findUniqueOrThrow({ where: { id: channelId } })).state as { imap?: Record<string, unknown> } & Record<string, unknown>;
const sha256Id = (raw: string) => `sha256:${createHash('sha256').update(raw).digest('hex')}`;
/** What the IMAP edge writes on top of mail whose provider (here: no trusted authserv-id) said nothing. */
const UNAUTHENTICATED = 'Authentication-Results: parley.inbound; none (no results from 127.0.0.1)\r\n';

beforeAll(async () => {
  testDb = await createTestDb();
  redis = createProducerRedis(testRedisUrl);
  queues = createQueues(redis, `test-imap-${randomBytes(4).toString('hex')}`);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  // pollImapChannels polls every active channel in this file's database: keep each test to its own.
  await testDb.db.channel.updateMany({ data: { active: false } });
});

afterAll(async () => {
  for (const name of queueNames) await queues.raw(name).obliterate({ force: true });
  await queues.close();
  await redis.quit();
  await testDb.drop();
});

/** The test's IMAP server listens on loopback: as on an instance with ALLOW_PRIVATE_HOSTS. */
const localHosts = { allowPrivate: true };

describe('pollImapChannel', () => {
  it('believes the provider’s Authentication-Results only from its configured authserv-id', async () => {
    const withResults = (id: string, authservId: string) =>
      [`Authentication-Results: ${authservId}; dkim=pass header.d=example.test; spf=pass smtp.mailfrom=customer@example.test; dmarc=pass header.from=example.test`, mail(id, id)].join('\r\n');
    const server = await startImapServer([{ raw: withResults('trusted@example.test', 'mx.provider.test') }, { raw: withResults('untrusted@example.test', 'mx.elsewhere.test') }]);
    const { channel } = await createImapChannel(server.port, { authservIds: ['mx.provider.test'] });
    expect(await pollImapChannel(deps(), polled(channel), localHosts)).toMatchObject({ fetched: 2, error: null });
    const senderOf = async (externalId: string) => {
      const event = await testDb.db.inboundEvent.findFirstOrThrow({ where: { channelId: channel.id, externalId } });
      return (await normalizeEmail(Buffer.from(event.raw!))).sender;
    };
    expect(await senderOf('<trusted@example.test>')).toEqual({ verified: true, reason: 'dmarc=pass for example.test' });
    expect(await senderOf('<untrusted@example.test>')).toEqual({ verified: false, reason: 'From example.test not authenticated (dmarc=none, dkim=none, spf=none)' });
  });

  it('turns the unseen messages of the mailbox into InboundEvents with their Message-IDs and raw bytes', async () => {
    const first = mail('first@example.test', 'first');
    const read = mail('already-read@example.test', 'already read');
    const anonymous = mail(null, 'no message id');
    const server = await startImapServer([{ raw: first }, { raw: read, flags: ['\\Seen'] }, { raw: anonymous }]);
    const { channel } = await createImapChannel(server.port);

    const result = await pollImapChannel(deps(), polled(channel), localHosts);

    expect(result).toEqual({ channelId: channel.id, fetched: 2, error: null });
    const events = await eventsOf(channel.id);
    expect(events.map((e) => e.externalId).sort()).toEqual(['<first@example.test>', sha256Id(UNAUTHENTICATED + anonymous)].sort());
    const byId = new Map(events.map((e) => [e.externalId, e]));
    // Kept byte for byte below the edge's own Authentication-Results.
    expect(Buffer.from(byId.get('<first@example.test>')!.raw!).equals(Buffer.from(UNAUTHENTICATED + first))).toBe(true);
    expect(Buffer.from(byId.get(sha256Id(UNAUTHENTICATED + anonymous))!.raw!).equals(Buffer.from(UNAUTHENTICATED + anonymous))).toBe(true);
    for (const e of events) {
      expect(e.workspaceId).toBe(channel.workspaceId);
      expect(await queues.raw('ingest').getJob(`ingest-${e.id}`)).toBeDefined();
    }
    const { imap } = await stateOf(channel.id);
    expect(imap).toMatchObject({ uidValidity: '1', lastUid: 3, lastError: null });
    expect(Date.parse(String(imap?.['lastPollAt']))).not.toBeNaN();
    await vi.waitFor(() => expect(server.openConnections()).toBe(0));
  });

  it('fetches nothing new on a second poll and creates no duplicate events', async () => {
    const server = await startImapServer([{ raw: mail('one@example.test', 'one') }, { raw: mail('two@example.test', 'two') }]);
    const { channel } = await createImapChannel(server.port);

    expect((await pollImapChannel(deps(), polled(channel), localHosts)).fetched).toBe(2);
    const again = await pollImapChannel(deps(), polled(await testDb.db.channel.findUniqueOrThrow({ where: { id: channel.id } })), localHosts);

    expect(again).toEqual({ channelId: channel.id, fetched: 0, error: null });
    expect(await eventsOf(channel.id)).toHaveLength(2);
  });

  it('picks up mail that arrived after a poll on the next poll, even if someone already read it', async () => {
    const server = await startImapServer([{ raw: mail('old@example.test', 'old') }]);
    const { channel } = await createImapChannel(server.port);
    await pollImapChannel(deps(), polled(channel), localHosts);

    server.deliver(mail('new@example.test', 'new'));
    server.deliver(mail('read-in-webmail@example.test', 'read elsewhere'), ['\\Seen']);
    const next = await pollImapChannel(deps(), polled(await testDb.db.channel.findUniqueOrThrow({ where: { id: channel.id } })), localHosts);

    expect(next).toEqual({ channelId: channel.id, fetched: 2, error: null });
    expect((await eventsOf(channel.id)).map((e) => e.externalId)).toEqual(['<new@example.test>', '<old@example.test>', '<read-in-webmail@example.test>']);
    expect((await stateOf(channel.id)).imap).toMatchObject({ lastUid: 3 });
  });

  it('flags fetched messages \\Seen on the server', async () => {
    const server = await startImapServer([{ raw: mail('a@example.test', 'a') }, { raw: mail('b@example.test', 'b') }]);
    const { channel } = await createImapChannel(server.port);
    expect(server.inbox().map((m) => m.flags.includes('\\Seen'))).toEqual([false, false]);

    await pollImapChannel(deps(), polled(channel), localHosts);

    expect(server.inbox().map((m) => m.flags.includes('\\Seen'))).toEqual([true, true]);
  });

  it('leaves a message it could not store unseen on the server and records the failure', async () => {
    const server = await startImapServer([{ raw: mail('unstorable@example.test', 'x') }]);
    const { channel } = await createImapChannel(server.port);

    // A workspace id that does not exist makes the InboundEvent insert fail in the real database.
    const result = await pollImapChannel(deps(), polled({ ...channel, workspaceId: '00000000-0000-7000-8000-000000000000' }), localHosts);

    expect(result.fetched).toBe(0);
    expect(result.error).toMatch(/InboundEvent_workspaceId_fkey/);
    expect(server.inbox()[0]!.flags).not.toContain('\\Seen');
    expect(await eventsOf(channel.id)).toHaveLength(0);
    const { imap } = await stateOf(channel.id);
    expect(imap).toMatchObject({ lastUid: null, lastError: { message: result.error } });
  });

  it('starts again from the first UID when the mailbox UIDVALIDITY changed', async () => {
    const server = await startImapServer([{ raw: mail('kept@example.test', 'kept'), flags: ['\\Seen'] }, { raw: mail('fresh@example.test', 'fresh') }], {
      uidvalidity: 7,
    });
    const { channel } = await createImapChannel(server.port, { state: { imap: { uidValidity: '3', lastUid: 50 } } });

    const result = await pollImapChannel(deps(), polled(channel), localHosts);

    expect(result).toEqual({ channelId: channel.id, fetched: 2, error: null });
    expect((await stateOf(channel.id)).imap).toMatchObject({ uidValidity: '7', lastUid: 2 });
  });

  it(`takes at most ${maxMessagesPerPoll} messages per poll and drains the rest on the next`, async () => {
    const total = maxMessagesPerPoll + 3;
    const server = await startImapServer(Array.from({ length: total }, (_, i) => ({ raw: mail(`bulk-${i}@example.test`, `bulk ${i}`) })));
    const { channel } = await createImapChannel(server.port);

    const first = await pollImapChannel(deps(), polled(channel), localHosts);
    const second = await pollImapChannel(deps(), polled(await testDb.db.channel.findUniqueOrThrow({ where: { id: channel.id } })), localHosts);

    expect([first.fetched, second.fetched]).toEqual([maxMessagesPerPoll, 3]);
    expect(await testDb.db.inboundEvent.count({ where: { channelId: channel.id } })).toBe(total);
    expect(server.inbox().every((m) => m.flags.includes('\\Seen'))).toBe(true);
    expect((await stateOf(channel.id)).imap).toMatchObject({ lastUid: total });
  });
});

describe('pollImapChannels', () => {
  it('records wrong credentials as lastError on that channel, keeps its other state and still polls the others', async () => {
    const server = await startImapServer([{ raw: mail('for-good@example.test', 'good') }]);
    const good = await createImapChannel(server.port);
    const bad = await createImapChannel(server.port, { pass: 'wrong', state: { webhook: { lastSeen: 'kept' } } });

    const results = await pollImapChannels(deps(), localHosts);

    expect(results).toHaveLength(2); // the SMTP-only channels are not polled
    expect(results.find((r) => r.channelId === good.channel.id)).toEqual({ channelId: good.channel.id, fetched: 1, error: null });
    const failed = results.find((r) => r.channelId === bad.channel.id);
    expect(failed).toMatchObject({ fetched: 0, error: expect.stringMatching(/authentication/i) });
    const state = await stateOf(bad.channel.id);
    expect(state['webhook']).toEqual({ lastSeen: 'kept' });
    expect(state.imap).toEqual({ lastError: { message: failed!.error, at: expect.any(String) } });
    expect(await eventsOf(bad.channel.id)).toHaveLength(0);
    await vi.waitFor(() => expect(server.openConnections()).toBe(0));
  });
});
