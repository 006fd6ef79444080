// Phone calls through Twilio, end to end: the call flow's webhooks signed like Twilio signs them,
// TwiML answers, call events on the caller's timeline, voicemail downloaded from a local server
// speaking Twilio's protocol, and call-back cases that routing picks up by the menu choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sid, type twilioWebhookPoster, type FakeTwilio } from '../../../support/fake-twilio.ts';
import type { Harness } from '../../../support/harness.ts';
import { startTwilioHarness, TWILIO_PUBLIC_URL, type TwilioHarness } from '../../../support/twilio-harness.ts';
import { waitUntil } from '../../../support/wait.ts';

const PUBLIC_URL = TWILIO_PUBLIC_URL;
const LINE = '+14155550300';
const CLOSED_LINE = '+14155550301';

describe('phone calls through Twilio', () => {
  let h: Harness;
  let fake: FakeTwilio;
  let admin: string;
  let post: ReturnType<typeof twilioWebhookPoster>;

  let t: TwilioHarness;

  beforeAll(async () => {
    t = await startTwilioHarness({
      channels: (credentials) => [
        {
          kind: 'voice',
          name: 'Acme Phone',
          address: LINE,
          settings: { ...credentials, menu: { prompt: 'For sales press 1, for support press 2.', options: { '1': 'Sales', '2': 'Support' } }, forwardTo: '+14155550900', ringTimeoutSeconds: 20 },
        },
        { kind: 'voice', name: 'Acme After Hours', address: CLOSED_LINE, settings: { ...credentials, businessCalendar: 'Never open' } },
      ],
    });
    ({ h, fake, admin, post } = t);
    await h.testDb.db.businessCalendar.create({ data: { workspaceId: h.workspace.workspace.id, name: 'Never open', timeZone: 'Europe/Berlin', weeklyHours: {} } });
    expect((await h.api(admin, 'POST', '/api/queues', { name: 'Sales' })).status).toBeLessThan(300);
    const workflow = await h.api(admin, 'PUT', '/api/routing/workflow', {
      filters: [{ name: 'sales line', when: { channel: ['voice'], attributes: { menu: ['1'] } }, steps: [{ queue: 'Sales', timeoutSeconds: 3600 }] }],
      fallback: { steps: [{ queue: 'General', timeoutSeconds: 3600 }] },
    });
    expect(workflow.status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => h.testDb.db;
  const lineId = () => h.workspace.channels.find((c) => c.address === LINE)!.id;
  const callParams = (callSid: string, from: string, to = LINE, extra: Record<string, string> = {}) => ({
    CallSid: callSid,
    AccountSid: fake.accountSid,
    From: from,
    To: to,
    Caller: from,
    Called: to,
    CallStatus: 'ringing',
    Direction: 'inbound',
    ApiVersion: '2010-04-01',
    ...extra,
  });
  const callEntry = (callSid: string, predicate: (facts: any) => boolean = () => true) =>
    waitUntil(async () => {
      const m = await db().message.findFirst({ where: { externalId: callSid }, include: { conversation: true } });
      return m && predicate((m.metadata as any).call) ? m : null;
    }, `call ${callSid}`);
  const drained = () => waitUntil(async () => (await db().inboundEvent.count({ where: { status: 'received' } })) === 0, 'ingest to drain');

  it('a call nobody answers ends as voicemail with its transcription, and a call-back case routed by the menu choice', async () => {
    const callSid = sid('CA');
    const caller = '+14155550142';
    // The number's "A call comes in" URL as configured before channels had their own (/webhooks/twilio/voice) ...
    const incoming = await post('/webhooks/twilio/voice', callParams(callSid, caller));
    expect(incoming.status).toBe(200);
    expect(incoming.contentType).toContain('text/xml');
    // ... is answered with the line's own URLs, which Twilio then follows.
    const line = `/webhooks/voice/${lineId()}`;
    expect(incoming.text).toContain(`<Gather numDigits="1" action="${PUBLIC_URL}${line}/menu" method="POST" timeout="5"><Say>For sales press 1, for support press 2.</Say></Gather>`);

    const menu = await post(`${line}/menu`, callParams(callSid, caller, LINE, { CallStatus: 'in-progress', Digits: '1' }));
    expect(menu.text).toContain(`<Dial timeout="20" action="${PUBLIC_URL}${line}/connected" method="POST" answerOnBridge="true"><Number>+14155550900</Number></Dial>`);
    const held = await callEntry(callSid, (f) => f.menu === '1');
    expect(held.conversation.status).toBe('pending');
    expect(held.kind).toBe('event');

    const connected = await post('/webhooks/twilio/voice/connected', callParams(callSid, caller, LINE, { CallStatus: 'in-progress', DialCallStatus: 'no-answer' }));
    expect(connected.text).toContain(`<Record action="${PUBLIC_URL}${line}/voicemail" method="POST" maxLength="120" playBeep="true" finishOnKey="#" transcribe="true" transcribeCallback="${PUBLIC_URL}${line}/transcription"/>`);

    const recordingSid = sid('RE');
    const audio = Buffer.from('ID3 fake mp3 voicemail audio');
    const recordingPath = `/2010-04-01/Accounts/${fake.accountSid}/Recordings/${recordingSid}`;
    fake.serveFile(`${recordingPath}.mp3`, { content: audio, contentType: 'audio/mpeg' });
    const recording = { RecordingSid: recordingSid, RecordingUrl: `${fake.url}${recordingPath}`, RecordingDuration: '14', Digits: 'hangup' };
    const saved = await post('/webhooks/twilio/voice/voicemail', callParams(callSid, caller, LINE, { CallStatus: 'completed', ...recording }));
    expect(saved.text).toContain('<Hangup/>');
    await post('/webhooks/twilio/voice/status', callParams(callSid, caller, LINE, { CallStatus: 'completed', CallDuration: '52' }));
    await post('/webhooks/twilio/voice/transcription', callParams(callSid, caller, LINE, { CallStatus: 'completed', ...recording, TranscriptionSid: sid('TR'), TranscriptionStatus: 'completed', TranscriptionText: 'Hi, please call me back about my invoice.' }));

    const entry = await callEntry(callSid, (f) => f.outcome === 'voicemail' && f.durationSeconds === 52);
    const conv = await waitUntil(async () => {
      const c = await db().conversation.findUniqueOrThrow({ where: { id: entry.conversationId }, include: { queue: true } });
      return c.queue ? c : null;
    }, 'routing to place the call-back case');
    expect(conv.status).toBe('open');
    expect(conv.tags).toContain('callback');
    expect(conv.attributes).toMatchObject({ menu: '1' });
    expect(conv.queue?.name).toBe('Sales');

    const view = await waitUntil(async () => {
      const r = await h.api(admin, 'GET', `/api/conversations/${conv.id}`);
      const voicemail = (r.body.messages as any[]).find((m) => m.externalId === recordingSid);
      return voicemail?.text === 'Hi, please call me back about my invoice.' ? r.body : null;
    }, 'the transcribed voicemail in the conversation');
    expect(view.messages.map((m: any) => [m.kind, m.direction])).toEqual([['event', 'in'], ['message', 'in']]);
    expect(view.messages[0].text).toBe('Missed call · menu 1 · voicemail left (0:14)');
    expect(view.messages[0].metadata.call).toMatchObject({ outcome: 'voicemail', durationSeconds: 52, menu: '1', connected: false });
    const attachment = view.messages[1].attachments[0];
    expect(attachment).toMatchObject({ filename: `voicemail-${recordingSid}.mp3`, contentType: 'audio/mpeg' });
    const file = await waitUntil(async () => {
      const res = await fetch(`${h.apiUrl}/api/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${admin}` } });
      return res.status === 200 ? Buffer.from(await res.arrayBuffer()) : null;
    }, 'the recording downloaded');
    expect(file).toEqual(audio);
    expect(fake.requests.find((r) => r.path === `${recordingPath}.mp3`)?.auth?.user).toBe(fake.accountSid);
  });

  it('a caller who hangs up in the menu leaves an abandoned call and a call-back case; an answered call is resolved', async () => {
    const abandoned = sid('CA');
    await post('/webhooks/twilio/voice', callParams(abandoned, '+14155550143'));
    await post('/webhooks/twilio/voice/status', callParams(abandoned, '+14155550143', LINE, { CallStatus: 'completed', CallDuration: '7' }));
    const a = await callEntry(abandoned, (f) => f.outcome === 'abandoned');
    expect(a.text).toBe('Abandoned call: the caller hung up before anyone answered · 0:07');
    const aConv = await db().conversation.findUniqueOrThrow({ where: { id: a.conversationId } });
    expect(aConv.status).toBe('open');
    expect(aConv.tags).toEqual(['callback']);

    const answered = sid('CA');
    await post('/webhooks/twilio/voice', callParams(answered, '+14155550144'));
    await post('/webhooks/twilio/voice/menu', callParams(answered, '+14155550144', LINE, { CallStatus: 'in-progress', Digits: '2' }));
    const done = await post('/webhooks/twilio/voice/connected', callParams(answered, '+14155550144', LINE, { CallStatus: 'in-progress', DialCallStatus: 'completed' }));
    expect(done.text).toContain('<Hangup/>');
    await post('/webhooks/twilio/voice/status', callParams(answered, '+14155550144', LINE, { CallStatus: 'completed', CallDuration: '185' }));
    const b = await callEntry(answered, (f) => f.outcome === 'completed');
    expect(b.text).toBe('Answered call · menu 2 · 3:05');
    const bConv = await db().conversation.findUniqueOrThrow({ where: { id: b.conversationId } });
    expect(bConv.status).toBe('resolved');
    expect(bConv.tags).toEqual([]);
  });

  it('an answered call whose hang-up was recorded before the dial result withdraws the call-back case it had opened', async () => {
    const callSid = sid('CA');
    const caller = '+14155550146';
    await post('/webhooks/twilio/voice', callParams(callSid, caller));
    await post('/webhooks/twilio/voice/menu', callParams(callSid, caller, LINE, { CallStatus: 'in-progress', Digits: '2' }));
    await post('/webhooks/twilio/voice/status', callParams(callSid, caller, LINE, { CallStatus: 'completed', CallDuration: '95' }));
    // Applied alone, the final status reads as a caller who gave up: a call-back case opens.
    const early = await callEntry(callSid, (f) => f.outcome === 'abandoned');
    const opened = await db().conversation.findUniqueOrThrow({ where: { id: early.conversationId } });
    expect([opened.status, opened.tags]).toEqual(['open', ['callback']]);

    await post('/webhooks/twilio/voice/connected', callParams(callSid, caller, LINE, { CallStatus: 'in-progress', DialCallStatus: 'completed' }));
    const late = await callEntry(callSid, (f) => f.outcome === 'completed');
    expect(late.text).toBe('Answered call · menu 2 · 1:35');
    expect((late.metadata as any).call.callbackAt).toBeUndefined();
    const conv = await db().conversation.findUniqueOrThrow({ where: { id: late.conversationId } });
    expect([conv.status, conv.tags]).toEqual(['resolved', []]);
    const tagEvents = await db().conversationEvent.findMany({ where: { conversationId: conv.id, kind: 'tags' }, orderBy: { createdAt: 'asc' } });
    expect(tagEvents.map((e) => e.data)).toEqual([{ added: ['callback'], removed: [] }, { added: [], removed: ['callback'] }]);
  });

  it('outside business hours the caller goes straight to voicemail', async () => {
    const res = await post('/webhooks/twilio/voice', callParams(sid('CA'), '+14155550145', CLOSED_LINE));
    expect(res.status).toBe(200);
    expect(res.text).toContain('<Say>We are closed right now. Please leave a message after the tone and we will call you back.</Say><Record ');
    expect(res.text).not.toContain('<Gather');
  });

  it('with no number to ring, callers wait in a Twilio queue until the ring timeout, then are offered voicemail', async () => {
    const longWait = await post('/webhooks/twilio/voice/wait', callParams(sid('CA'), '+14155550146', CLOSED_LINE, { QueueTime: '10', QueueSid: sid('QU') }));
    expect(longWait.text).toContain('<Pause length="10"/>');
    const done = await post('/webhooks/twilio/voice/wait', callParams(sid('CA'), '+14155550146', CLOSED_LINE, { QueueTime: '31', QueueSid: sid('QU') }));
    expect(done.text).toContain('<Leave/>');
  });

  it('a duplicate call webhook makes no duplicate event, and a forged one is refused', async () => {
    const callSid = sid('CA');
    const params = callParams(callSid, '+14155550147');
    expect((await post('/webhooks/twilio/voice', params)).status).toBe(200);
    expect((await post('/webhooks/twilio/voice', params)).status).toBe(200);
    expect((await post('/webhooks/twilio/voice/status', { ...params, CallStatus: 'completed' }, { signature: 'Zm9yZ2Vk' })).status).toBe(403);
    await callEntry(callSid);
    await drained();
    expect(await db().message.count({ where: { externalId: callSid } })).toBe(1);
    expect(await db().inboundEvent.count({ where: { externalId: `${callSid}:started` } })).toBe(1);
    expect(await db().inboundEvent.count({ where: { externalId: `${callSid}:ended` } })).toBe(0);
  });

  it('a call cannot be answered in writing: the reply API says to call back', async () => {
    const callSid = sid('CA');
    await post('/webhooks/twilio/voice', callParams(callSid, '+14155550148'));
    await post('/webhooks/twilio/voice/status', callParams(callSid, '+14155550148', LINE, { CallStatus: 'no-answer' }));
    const entry = await callEntry(callSid, (f) => f.outcome === 'no-answer');
    const res = await h.api(admin, 'POST', `/api/conversations/${entry.conversationId}/messages`, { text: 'Sorry we missed you' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/cannot be answered in writing: call the customer back/);
  });
});
