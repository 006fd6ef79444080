// Satisfaction surveys over email, end to end: resolving a conversation sends the survey (a link
// to the public survey page) to the customer's mailbox through the normal outbound path; the
// link's token answers it once; agents see the score on the conversation, live; supervisors list
// the surveys. A contact surveyed recently is not asked again; a reopened conversation is not asked.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEventResponse } from '../../../src/contract/index.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const SETTINGS = { enabled: true, question: 'How did we do today?', delayMinutes: 0, throttleDays: 30, responseWindowHours: 72, channelKinds: ['email'] };

describe('CSAT surveys over email', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let socket: Socket;
  const heard: ConversationEventResponse[] = [];

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    socket = await h.socket(admin);
    socket.on('conversation.activity', (e: ConversationEventResponse) => heard.push(e));
  });
  afterAll(async () => {
    await h?.close();
  });

  const db = () => h.testDb.db;
  const publicCall = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${h.apiUrl}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: (await res.json()) as any };
  };
  const events = async (id: string) => (await h.api<{ events: ConversationEventResponse[] }>(admin, 'GET', `/api/conversations/${id}`)).body.events.filter((e) => e.kind === 'csat');
  const newConversation = async (from: string, subject: string) => h.conversationFor(await h.sendCustomerMail({ from, subject, text: `About ${subject}` }));
  const resolve = async (id: string) => expect((await h.api(admin, 'POST', `/api/conversations/${id}/status`, { status: 'resolved' })).status).toBe(200);

  it('refuses settings it cannot honour, naming the field, and keeps the saved ones', async () => {
    expect((await h.api(ada, 'PUT', '/api/settings/csat', SETTINGS)).status).toBe(403);
    const badKind = await h.api(admin, 'PUT', '/api/settings/csat', { ...SETTINGS, channelKinds: ['email', 'voice'] });
    expect(badKind.status).toBe(422);
    expect(badKind.body.error.message).toContain('channelKinds.1');
    const badQuestion = await h.api(admin, 'PUT', '/api/settings/csat', { ...SETTINGS, question: '  ', delayMinutes: -1 });
    expect(badQuestion.status).toBe(422);
    expect(badQuestion.body.error.message).toContain('question');
    const before = await h.api(admin, 'GET', '/api/settings/csat');
    expect(before.body.settings.enabled).toBe(false);
    expect(before.body.kinds.map((k: { kind: string; style: string }) => `${k.kind}:${k.style}`)).toEqual(expect.arrayContaining(['email:link', 'webchat:link', 'sms:reply', 'whatsapp:reply', 'telegram:reply']));
    expect(before.body.kinds.some((k: { kind: string }) => k.kind === 'voice')).toBe(false);
    const saved = await h.api(admin, 'PUT', '/api/settings/csat', SETTINGS);
    expect(saved.status).toBe(200);
    expect((await h.api(admin, 'GET', '/api/settings/csat')).body.settings).toEqual(SETTINGS);
  });

  let conv: string;
  let token: string;

  it('round trip: resolve, the survey email arrives, the link answers it once, and the answer is on the conversation live', async () => {
    conv = await newConversation('Rosa <rosa@example.com>', 'Broken kettle');
    await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: h.workspace.agents[1]!.id, teamId: h.workspace.teams.get('Support')! });
    await resolve(conv);
    const mail = await h.sink.waitFor((m) => m.envelope.to.includes('rosa@example.com') && (m.parsed.text ?? '').includes('/csat/'));
    expect(mail.parsed.text).toContain('How did we do today?');
    const link = /http:\/\/localhost:3000\/csat\/([A-Za-z0-9_-]{20,})/.exec(mail.parsed.text ?? '');
    expect(link).not.toBeNull();
    token = link![1]!;

    // The survey is an outbound message of the conversation, marked as a survey; the conversation stays resolved.
    const detail = await h.api(admin, 'GET', `/api/conversations/${conv}`);
    const survey = detail.body.messages.find((m: any) => m.direction === 'out');
    expect(survey.metadata.csat.surveyId).toEqual(expect.any(String));
    // Agents see where the link went, never a working link (they could answer for the customer).
    expect(survey.text).toContain('from 1 to 5 here (one click, no login): [survey link]');
    expect(JSON.stringify(detail.body)).not.toContain(token);
    expect(detail.body.status).toBe('resolved');

    const page = await publicCall('GET', `/api/csat/${token}`);
    expect(page).toEqual({ status: 200, body: { workspaceName: 'Acme', question: 'How did we do today?' } });
    expect((await publicCall('POST', `/api/csat/${token}`, { score: 9 })).status).toBe(422);
    const answered = await publicCall('POST', `/api/csat/${token}`, { score: 4, comment: '  Quick, but the kettle is still broken ' });
    expect(answered.status).toBe(200);
    // Single use: the link is spent, and says so the same way as an unknown one.
    const again = await publicCall('POST', `/api/csat/${token}`, { score: 1 });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe('This survey has expired or was already answered');
    expect((await publicCall('GET', `/api/csat/${'x'.repeat(43)}`)).body).toEqual(again.body);

    const row = await db().csatSurvey.findFirstOrThrow({ where: { conversationId: conv } });
    expect(row).toMatchObject({ status: 'answered', score: 4, comment: 'Quick, but the kettle is still broken', channelKind: 'email', style: 'link', agentId: h.workspace.agents[1]!.id, teamId: h.workspace.teams.get('Support')! });
    expect(row.tokenHash).not.toContain(token);
    expect((await events(conv)).map((e) => e.data)).toEqual([
      { outcome: 'sent', surveyId: row.id, style: 'link' },
      { outcome: 'answered', surveyId: row.id, score: 4, comment: 'Quick, but the kettle is still broken' },
    ]);
    const live = await waitUntil(async () => heard.find((e) => e.kind === 'csat' && e.conversationId === conv && (e.data as { outcome: string }).outcome === 'answered'), 'the live CSAT entry');
    expect(live.data).toMatchObject({ score: 4 });
    expect((await h.api(admin, 'GET', `/api/conversations/${conv}`)).body.status).toBe('resolved');
  });

  it('a survey email that failed to send once goes out again with a working link', async () => {
    h.sink.failNext(1, 451);
    const c = await newConversation('Ian <ian@example.com>', 'Late refund');
    await resolve(c);
    // The deliver worker retries after DELIVER_RETRY_BASE_MS (2 s in the harness); the link is made for the attempt that went out.
    const mail = await h.sink.waitFor((m) => m.envelope.to.includes('ian@example.com') && (m.parsed.text ?? '').includes('/csat/'), 20_000);
    const retried = /\/csat\/([A-Za-z0-9_-]{20,})/.exec(mail.parsed.text ?? '')![1]!;
    expect(h.sink.refused).toBeGreaterThanOrEqual(1);
    expect((await publicCall('POST', `/api/csat/${retried}`, { score: 2 })).status).toBe(200);
    expect(await db().csatSurvey.findFirstOrThrow({ where: { conversationId: c } })).toMatchObject({ status: 'answered', score: 2, comment: null });
  });

  it('lists surveys for supervisors with the columns reports aggregate, filtered, and refuses agents', async () => {
    expect((await h.api(ada, 'GET', '/api/csat-surveys')).status).toBe(403);
    const list = await h.api(admin, 'GET', `/api/csat-surveys?agentId=${h.workspace.agents[1]!.id}&status=answered`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ conversationId: conv, agentId: h.workspace.agents[1]!.id, channelKind: 'email', score: 4, sentAt: expect.any(String), answeredAt: expect.any(String) });
    expect((await h.api(admin, 'GET', '/api/csat-surveys?channelKind=sms')).body.items).toEqual([]);
    const foreign = await h.api(admin, 'GET', '/api/csat-surveys?teamId=not-ours');
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.message).toContain('teamId');
  });

  it('does not survey the same contact again within the throttle', async () => {
    const second = await newConversation('Rosa <rosa@example.com>', 'Another question');
    await resolve(second);
    const row = await waitUntil(() => db().csatSurvey.findFirst({ where: { conversationId: second, status: 'skipped' } }), 'the throttled survey');
    expect(row.skipReason).toBe('throttled');
    expect(row.sentAt).toBeNull();
    expect((await events(second)).map((e) => e.data)).toEqual([{ outcome: 'skipped', surveyId: row.id, reason: 'throttled' }]);
    expect(await db().message.count({ where: { conversationId: second, direction: 'out' } })).toBe(0);
  });

  it('skips a survey whose conversation was reopened before it was sent', async () => {
    await h.api(admin, 'PUT', '/api/settings/csat', { ...SETTINGS, delayMinutes: 30 });
    const c = await newConversation('Tom <tom@example.com>', 'Lost parcel');
    await resolve(c);
    const scheduled = await db().csatSurvey.findFirstOrThrow({ where: { conversationId: c } });
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.scheduledFor.getTime() - scheduled.resolvedAt.getTime()).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(await h.rt.deps.queues.raw('csat').getJobState(`csat-${scheduled.id}`)).toBe('delayed');
    expect((await h.api(admin, 'POST', `/api/conversations/${c}/status`, { status: 'open' })).status).toBe(200);
    // Its time comes (the delayed job runs now): the conversation is open again, so nothing is sent.
    expect(await h.rt.deps.queues.release('csat', { surveyId: scheduled.id })).toBe(true);
    await h.jobCompleted('csat', `csat-${scheduled.id}`);
    expect(await db().csatSurvey.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({ status: 'skipped', skipReason: 'reopened', sentAt: null });
    expect(await db().message.count({ where: { conversationId: c, direction: 'out' } })).toBe(0);
    expect(h.sink.messages.some((m) => m.envelope.to.includes('tom@example.com'))).toBe(false);
  });

  it('erasing the contact removes their comment but keeps the score for reports', async () => {
    const contactId = (await db().conversation.findUniqueOrThrow({ where: { id: conv } })).contactId;
    expect((await h.api(admin, 'POST', `/api/contacts/${contactId}/erase`, { confirm: 'ERASE' })).status).toBe(200);
    expect(await db().csatSurvey.findFirstOrThrow({ where: { conversationId: conv } })).toMatchObject({ status: 'answered', score: 4, comment: null });
    const entries = (await events(conv)).map((e) => e.data as { outcome: string; comment?: string | null });
    expect(entries.find((d) => d.outcome === 'answered')).toMatchObject({ score: 4, comment: null });
    expect(JSON.stringify(entries)).not.toContain('kettle');
  });
});
