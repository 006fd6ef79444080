// Supervisors' failed inbound events through the real pipeline: a payload that cannot be parsed is
// kept with its reason and its raw text (inert, cut to a preview, whole on request), supervisors
// hear of it live and see it counted until they have looked, and retrying one or many re-processes
// them, a stored event whose cause has passed becoming a conversation.
import nodemailer from 'nodemailer';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundEventResponse, InboundFailedPayload } from '../../../src/contract/index.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('failed inbound events', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let supervisorSocket: Socket;
  const heard: InboundFailedPayload[] = [];

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    supervisorSocket = await h.socket(admin);
    supervisorSocket.on('inbound.failed', (e: InboundFailedPayload) => heard.push(e));
  });
  afterAll(async () => {
    await h?.close();
  });

  const sendRaw = async (raw: string) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: h.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from: 'x@example.com', to: ['help@acme.test'] }, raw });
    transport.close();
  };
  const failedWith = (needle: string) =>
    waitUntil(async () => {
      const r = await h.api<{ items: InboundEventResponse[] }>(admin, 'GET', '/api/inbound-events?status=failed');
      return r.body.items.find((e) => e.payload.text.includes(needle));
    }, `the failed event with ${needle}`);
  const unseen = async (token = admin) => (await h.api<{ count: number; seenAt: string | null }>(token, 'GET', '/api/inbound-events/unseen')).body;

  let garbageId: string;

  it('keeps an unparsable email with its reason, shows its payload as inert text, and tells supervisors live', async () => {
    // No header fields at all, a right-to-left override and a bell character in it.
    await sendRaw('this is not an email \u202egnp.exe\u0007 at all\r\n');
    const failed = await failedWith('this is not an email');
    garbageId = failed.id;
    expect(failed.error).toMatch(/not an email|header/);
    expect(failed.channel).toMatchObject({ kind: 'email', address: 'help@acme.test' });
    expect(failed.payload).toMatchObject({ format: 'raw', truncated: false });
    expect(failed.payload.text).toContain('\\u202egnp.exe\\u0007');
    expect(failed.payload.text).not.toContain('\u202e');
    expect(failed.conversationId).toBeNull();
    const live = await waitUntil(async () => heard.find((e) => e.id === failed.id), 'the live failure');
    expect(live).toMatchObject({ status: 'failed', channelId: failed.channel.id, error: failed.error });
  });

  it('cuts a large payload to a preview in the list and gives it whole on its own', async () => {
    const big = `no headers here ${'x'.repeat(9_000)} end-of-payload\r\n`;
    await sendRaw(big);
    const listed = await failedWith('no headers here');
    expect(listed.payload.truncated).toBe(true);
    expect(listed.payload.text.length).toBeLessThan(big.length);
    const whole = await h.api<InboundEventResponse>(admin, 'GET', `/api/inbound-events/${listed.id}`);
    // Stored whole, below the trace headers the SMTP edge adds (its sender check).
    expect(whole.body.payload.text.endsWith(big)).toBe(true);
    expect(whole.body.payload).toMatchObject({ truncated: false, length: whole.body.payload.text.length });
    expect(listed.payload.length).toBe(whole.body.payload.text.length);
  });

  it('counts failures until the supervisor has looked, then only newer ones; agents may not look', async () => {
    expect((await unseen()).count).toBe(2);
    const seen = await h.api(admin, 'POST', '/api/inbound-events/seen');
    expect(seen.status).toBe(200);
    expect(await unseen()).toEqual({ count: 0, seenAt: seen.body.seenAt });
    await sendRaw('still not an email\r\n');
    await failedWith('still not an email');
    expect((await unseen()).count).toBe(1);
    expect((await h.api(ada, 'GET', '/api/inbound-events/unseen')).status).toBe(403);
    expect((await h.api(ada, 'GET', '/api/inbound-events?status=failed')).status).toBe(403);
    expect((await h.api(ada, 'POST', '/api/inbound-events/retry', { ids: [garbageId] })).status).toBe(403);
  });

  it('retries many at once: a stored email whose cause has passed becomes a conversation, the rest say why not', async () => {
    // What the ingest worker leaves after its last attempt met a passing fault (the database was away).
    const channel = h.workspace.channels[0]!;
    const raw = Buffer.from('From: Tess <tess@example.com>\r\nTo: help@acme.test\r\nSubject: Lost in the outage\r\nMessage-ID: <outage-1@example.com>\r\n\r\nDid this arrive?\r\n');
    const stored = await h.testDb.db.inboundEvent.create({
      data: { workspaceId: channel.workspaceId, channelId: channel.id, externalId: '<outage-1@example.com>', raw, status: 'failed', attempts: 6, error: 'processing failed after 6 attempts: Connection terminated unexpectedly', processedAt: new Date() },
    });
    const res = await h.api(admin, 'POST', '/api/inbound-events/retry', { ids: [stored.id, garbageId, 'no-such-event'] });
    expect(res.status).toBe(202);
    expect(res.body.results).toEqual([
      { id: stored.id, status: 'received' },
      { id: garbageId, status: 'received' },
      { id: 'no-such-event', error: { code: 'not_found', message: 'Inbound event not found' } },
    ]);
    const processed = await waitUntil(async () => {
      const r = await h.api<InboundEventResponse>(admin, 'GET', `/api/inbound-events/${stored.id}`);
      return r.body.status === 'processed' ? r.body : null;
    }, 'the retried event to be processed');
    const conversation = await h.api(admin, 'GET', `/api/conversations/${processed.conversationId}`);
    expect(conversation.body.subject).toBe('Lost in the outage');
    // The unparsable one failed again, attempt two, with its reason.
    const again = await waitUntil(async () => {
      const e = await h.testDb.db.inboundEvent.findUniqueOrThrow({ where: { id: garbageId } });
      return e.status === 'failed' && e.attempts === 2 ? e : null;
    }, 'the garbage to fail again');
    expect(again.error).toMatch(/\S/);
    // Processed now: a second retry is refused with the reason.
    const twice = await h.api(admin, 'POST', '/api/inbound-events/retry', { ids: [stored.id] });
    expect(twice.body.results).toEqual([{ id: stored.id, error: { code: 'conflict', message: 'This event was processed already' } }]);
    expect((await h.api(admin, 'POST', '/api/inbound-events/retry', { ids: [] })).status).toBe(422);
  });
});
