// Satisfaction surveys on the website chat: the visitor gets the survey in the chat with a link to
// the survey page; the chat history the visitor reloads shows a working link (a fresh one) while
// the survey takes answers, "closed" after; agents never see a working link.
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const SETTINGS = { enabled: true, question: 'Was this chat helpful?', delayMinutes: 0, throttleDays: 0, responseWindowHours: 24, channelKinds: ['webchat'] };
const LINK = /http:\/\/localhost:3000\/csat\/([A-Za-z0-9_-]{20,})/;

describe('CSAT surveys on the website chat', () => {
  let h: Harness;
  let admin: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    h = await startHarness({ channels: [{ kind: 'webchat', name: 'Website', address: 'acme-csat-site', settings: { title: 'Acme help' } }] });
    admin = await h.login(h.workspace.agents[0]!.email);
    expect((await h.api(admin, 'PUT', '/api/settings/csat', SETTINGS)).status).toBe(200);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await h?.close();
  });

  const connect = async (auth: Record<string, unknown>) => {
    const socket = ioClient(`${h.apiUrl}/visitor`, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const events: { name: string; payload: any }[] = [];
    socket.onAny((name, payload) => events.push({ name, payload }));
    const session = await new Promise<any>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    return { socket, session, events, call: (event: string, payload: unknown = {}) => socket.timeout(5000).emitWithAck(event, payload) };
  };
  const answer = (token: string, score: number) =>
    fetch(`${h.apiUrl}/api/csat/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score }) }).then((r) => r.status);

  it('the visitor gets a link in the chat, their reloaded history a fresh working one, and "closed" once answered', async () => {
    const visitor = await connect({ channel: 'acme-csat-site' });
    expect((await visitor.call('visitor.message', { clientId: 'q1', text: 'Do you ship to Norway?', name: 'Nils' })).ok).toBe(true);
    const m = await waitUntil(() => h.testDb.db.message.findFirst({ where: { externalId: `${visitor.session.visitorId}:q1` } }), 'the visitor message');
    expect((await h.api(admin, 'POST', `/api/conversations/${m.conversationId}/status`, { status: 'resolved' })).status).toBe(200);

    const live = await waitUntil(async () => visitor.events.find((e) => e.name === 'message' && LINK.test(e.payload.text)), 'the survey in the chat');
    expect(live.payload.text).toContain('Was this chat helpful?');
    const liveToken = LINK.exec(live.payload.text)![1]!;
    const detail = await h.api(admin, 'GET', `/api/conversations/${m.conversationId}`);
    expect(JSON.stringify(detail.body)).not.toContain(liveToken);

    // A reload: the history shows the survey with a new link, which is the one that works now.
    const again = await connect({ channel: 'acme-csat-site', token: visitor.session.token });
    const history = await again.call('visitor.history');
    const shown = history.messages.find((x: any) => x.direction === 'out');
    const historyToken = LINK.exec(shown.text)![1]!;
    expect(historyToken).not.toBe(liveToken);
    expect(await answer(liveToken, 5)).toBe(404);
    expect(await answer(historyToken, 5)).toBe(200);
    expect(await h.testDb.db.csatSurvey.findFirstOrThrow({ where: { conversationId: m.conversationId } })).toMatchObject({ status: 'answered', score: 5, channelKind: 'webchat', style: 'link' });

    const closed = (await again.call('visitor.history')).messages.find((x: any) => x.direction === 'out');
    expect(closed.text).toContain('(this survey is closed)');
    expect(LINK.test(closed.text)).toBe(false);
  });
});
