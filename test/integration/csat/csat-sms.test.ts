// Satisfaction surveys over SMS through the fake Twilio: the survey asks for a reply 1-5; a
// signed inbound "4 thanks" is recorded as score 4 with the comment and does not reopen the
// conversation; a free-text message right after a bare score is its comment; anything else is a
// normal message. A contact who opted out (STOP) is not surveyed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEventResponse } from '../../../src/contract/index.ts';
import { startTwilioHarness, type TwilioHarness } from '../../support/twilio-harness.ts';
import { twilioPayloads, type TwilioPayloads } from '../../support/twilio-payloads.ts';
import { waitUntil } from '../../support/wait.ts';

const SMS_NUMBER = '+14155550100';
const SETTINGS = { enabled: true, question: 'How did we do?', delayMinutes: 0, throttleDays: 0, responseWindowHours: 24, channelKinds: ['sms'] };

describe('CSAT surveys over SMS', () => {
  let t: TwilioHarness;
  let sms: TwilioPayloads['sms'];
  const heard: ConversationEventResponse[] = [];

  // Real time, moved forward by `offset` (past the answer window).
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };

  beforeAll(async () => {
    t = await startTwilioHarness({ clock, channels: (settings) => [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings }] });
    ({ sms } = twilioPayloads({ accountSid: t.fake.accountSid, smsNumber: SMS_NUMBER }));
    expect((await t.h.api(t.admin, 'PUT', '/api/settings/csat', SETTINGS)).status).toBe(200);
    (await t.h.socket(t.admin)).on('conversation.activity', (e: ConversationEventResponse) => heard.push(e));
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.h.testDb.db;
  const inbound = async (from: string, body: string) => {
    const params = sms(from, body);
    expect((await t.post('/webhooks/twilio/messages', params)).status).toBe(200);
    return waitUntil(() => db().message.findFirst({ where: { externalId: params.MessageSid } }), `the message "${body}"`);
  };
  const resolve = async (id: string) => expect((await t.h.api(t.admin, 'POST', `/api/conversations/${id}/status`, { status: 'resolved' })).status).toBe(200);
  const surveySms = (to: string) => waitUntil(async () => t.fake.sent().find((f) => f.To === to && f.Body?.includes('Reply with a number')), `the survey SMS to ${to}`);
  const csatEvents = async (id: string) =>
    (await t.h.api<{ events: ConversationEventResponse[] }>(t.admin, 'GET', `/api/conversations/${id}`)).body.events.filter((e) => e.kind === 'csat').map((e) => e.data);

  it('round trip: resolve, the SMS asks for 1-5, "4 thanks" is recorded as score 4 with its comment, and the conversation stays resolved', async () => {
    const first = await inbound('+14155550142', 'My order #77 is late');
    await resolve(first.conversationId);
    const asked = await surveySms('+14155550142');
    expect(asked.Body).toBe('How did we do? Reply with a number from 1 (poor) to 5 (excellent); you can add a comment.');
    expect(asked.From).toBe(SMS_NUMBER);

    const answer = await inbound('+14155550142', '4 thanks');
    expect(answer.conversationId).toBe(first.conversationId);
    const survey = await waitUntil(() => db().csatSurvey.findFirst({ where: { conversationId: first.conversationId, status: 'answered' } }), 'the answer');
    expect(survey).toMatchObject({ score: 4, comment: 'thanks', channelKind: 'sms', style: 'reply' });
    const conversation = await t.h.api(t.admin, 'GET', `/api/conversations/${first.conversationId}`);
    expect(conversation.body.status).toBe('resolved');
    expect(conversation.body.messages.map((m: any) => [m.direction, m.text])).toEqual([
      ['in', 'My order #77 is late'],
      ['out', asked.Body],
      ['in', '4 thanks'],
    ]);
    expect(await csatEvents(first.conversationId)).toEqual([
      { outcome: 'sent', surveyId: survey.id, style: 'reply' },
      { outcome: 'answered', surveyId: survey.id, score: 4, comment: 'thanks' },
    ]);
    // Agents watching hear the answer live.
    const live = await waitUntil(async () => heard.find((e) => e.kind === 'csat' && e.conversationId === first.conversationId && (e.data as { outcome: string }).outcome === 'answered'), 'the live answer');
    expect(live.data).toEqual({ outcome: 'answered', surveyId: survey.id, score: 4, comment: 'thanks' });
    // Answered: the next message is the customer's next request, as always.
    const next = await inbound('+14155550142', 'Actually, can I change the address?');
    expect(next.conversationId).toBe(first.conversationId);
    await waitUntil(async () => (await db().conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).status === 'open', 'reopened by the new request');
  });

  it('a bare score then free text within the window: the text is the comment; a non-number is a normal message', async () => {
    const first = await inbound('+14155550143', 'Where is my refund?');
    await resolve(first.conversationId);
    await surveySms('+14155550143');
    // Not a score ("tomorrow at 5pm?" does not start with one): it reopens the conversation as usual.
    const chat = await inbound('+14155550143', 'tomorrow at 5pm?');
    await waitUntil(async () => (await db().conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).status === 'open', 'reopened');
    expect((await db().csatSurvey.findFirstOrThrow({ where: { conversationId: first.conversationId } })).status).toBe('sent');
    const unanswered = await db().csatSurvey.findFirstOrThrow({ where: { conversationId: first.conversationId } });
    await resolve(first.conversationId);
    // A new resolution, a new survey (throttle 0): the customer answers it with a bare " 5! ", then a comment.
    await waitUntil(() => db().csatSurvey.findFirst({ where: { conversationId: first.conversationId, status: 'sent', NOT: { id: unanswered.id } } }), 'the second survey');
    await inbound('+14155550143', ' 5! ');
    await waitUntil(() => db().csatSurvey.findFirst({ where: { conversationId: first.conversationId, status: 'answered' } }), 'the score');
    await inbound('+14155550143', 'Refund arrived, great service');
    const answered = await waitUntil(() => db().csatSurvey.findFirst({ where: { conversationId: first.conversationId, status: 'answered', comment: { not: null } } }), 'the comment');
    expect(answered).toMatchObject({ score: 5, comment: 'Refund arrived, great service' });
    expect((await db().conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).status).toBe('resolved');
    // The first survey (answered by nobody) stays sent and is not answered by the second's reply.
    const surveys = await db().csatSurvey.findMany({ where: { conversationId: first.conversationId }, orderBy: { createdAt: 'asc' } });
    expect(surveys.map((s) => s.status)).toEqual(['sent', 'answered']);
    expect((await csatEvents(first.conversationId)).map((d) => d.outcome)).toEqual(['sent', 'sent', 'answered', 'commented']);
  });

  it('honours an opt-out: a contact who sent STOP is not surveyed', async () => {
    const first = await inbound('+14155550144', 'Cancel my subscription');
    await inbound('+14155550144', 'STOP');
    await waitUntil(() => db().contactIdentity.findFirst({ where: { address: '+14155550144', optedOutAt: { not: null } } }), 'opted out');
    const sentBefore = t.fake.sent().length;
    await resolve(first.conversationId);
    const survey = await waitUntil(() => db().csatSurvey.findFirst({ where: { conversationId: first.conversationId, status: 'skipped' } }), 'the skipped survey');
    expect(survey.skipReason).toBe('opted_out');
    expect(await csatEvents(first.conversationId)).toEqual([{ outcome: 'skipped', surveyId: survey.id, reason: 'opted_out' }]);
    await t.h.queuesDrained(['csat', 'deliver']);
    expect(t.fake.sent().slice(sentBefore).filter((f) => f.To === '+14155550144')).toEqual([]);
  });

  it('after the answer window a number is a normal message: it reopens the conversation and the survey stays unanswered', async () => {
    const first = await inbound('+14155550145', 'Is my parcel insured?');
    await resolve(first.conversationId);
    await surveySms('+14155550145');
    const survey = await waitUntil(() => db().csatSurvey.findFirst({ where: { conversationId: first.conversationId, status: 'sent' } }), 'the sent survey');
    offset += (SETTINGS.responseWindowHours + 1) * 3_600_000;
    const late = await inbound('+14155550145', '5');
    expect(late.conversationId).toBe(first.conversationId);
    await waitUntil(async () => (await db().conversation.findUniqueOrThrow({ where: { id: first.conversationId } })).status === 'open', 'reopened by the late number');
    expect(await db().csatSurvey.findUniqueOrThrow({ where: { id: survey.id } })).toMatchObject({ status: 'sent', score: null });
  });
});
