// An agent's socket lives only as long as its login session, over a real Parley with real
// socket.io clients: logging out, changing one's password, a password reset and deactivation close
// exactly the sockets of the sessions they end (by cookie or token), the old credentials are
// refused on reconnect, and a session that expires (or whose agent is deactivated with the
// gateway never told) closes its socket within the check interval (SOCKET_SESSION_CHECK_SECONDS,
// 1 s here) although the socket sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { connectAgent, disconnectedWithin, mustConnect, pause } from '../../support/agent-socket.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';

const CLOSED = 'io server disconnect';

describe('agent sockets end with their session', () => {
  let h: Harness;
  let admin: string;
  const clock = fixedClock(new Date());
  const ada = () => h.workspace.agents[1]!;
  const bob = () => h.workspace.agents[2]!;

  beforeAll(async () => {
    h = await startHarness({ clock, env: { SOCKET_SESSION_CHECK_SECONDS: '1' } });
    admin = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('logging out closes that session’s sockets (cookie and token) and refuses them again; another session keeps its socket', async () => {
    const tab = await h.login(ada().email);
    const phone = await h.login(ada().email);
    const byCookie = await mustConnect(h.apiUrl, { cookie: tab });
    const byToken = await mustConnect(h.apiUrl, { token: tab });
    const other = await mustConnect(h.apiUrl, { token: phone });
    expect((await h.api(tab, 'POST', '/api/auth/logout')).status).toBe(200);
    expect(await disconnectedWithin(byCookie, 3000)).toBe(CLOSED);
    expect(await disconnectedWithin(byToken, 3000)).toBe(CLOSED);
    expect(await connectAgent(h.apiUrl, { cookie: tab })).toEqual({ refused: 'unauthenticated' });
    expect(await connectAgent(h.apiUrl, { token: tab })).toEqual({ refused: 'unauthenticated' });
    expect(await disconnectedWithin(other, 1500)).toBe('still connected');
    expect(await other.ack('conversation.join', { conversationId: 'no-such-conversation' })).toEqual({ ok: false, error: 'Conversation not found' });
    other.close();
  });

  it('changing one’s password closes the other sessions’ sockets and keeps the socket of the tab that changed it', async () => {
    const here = await h.login(bob().email);
    const elsewhere = await h.login(bob().email);
    const mine = await mustConnect(h.apiUrl, { cookie: here });
    const theirs = await mustConnect(h.apiUrl, { cookie: elsewhere });
    const changed = await h.api(here, 'POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: 'bob second password' });
    expect(changed).toMatchObject({ status: 200, body: { sessionsEnded: 1 } });
    expect(await disconnectedWithin(theirs, 3000)).toBe(CLOSED);
    expect(await connectAgent(h.apiUrl, { cookie: elsewhere })).toEqual({ refused: 'unauthenticated' });
    expect(await disconnectedWithin(mine, 1500)).toBe('still connected');
    expect(await mine.ack('conversation.join', { conversationId: 'no-such-conversation' })).toEqual({ ok: false, error: 'Conversation not found' });
    mine.close();
  });

  it('a password reset closes the sockets of every earlier session, not the one the link logs in', async () => {
    const before = await h.login(bob().email, 'bob second password');
    const old = await mustConnect(h.apiUrl, { token: before });
    const link = await h.api(admin, 'POST', `/api/people/${bob().id}/password-reset`);
    expect(link.status).toBe(200);
    const token = String(link.body.url).split('/').at(-1)!;
    const used = await h.api('', 'POST', `/api/account-links/${token}/accept`, { password: 'bob third password' });
    expect(used.status).toBe(200);
    const fresh = await mustConnect(h.apiUrl, { token: used.body.token });
    expect(await disconnectedWithin(old, 3000)).toBe(CLOSED);
    expect(await connectAgent(h.apiUrl, { token: before })).toEqual({ refused: 'unauthenticated' });
    expect(await disconnectedWithin(fresh, 1500)).toBe('still connected');
    fresh.close();
  });

  it('deactivating someone closes all their sockets at once and refuses them again', async () => {
    const session = await h.login(bob().email, 'bob third password');
    const s = await mustConnect(h.apiUrl, { cookie: session });
    expect((await h.api(admin, 'POST', `/api/people/${bob().id}/deactivate`)).body.state).toBe('deactivated');
    expect(await disconnectedWithin(s, 3000)).toBe(CLOSED);
    expect(await connectAgent(h.apiUrl, { cookie: session })).toEqual({ refused: 'unauthenticated' });
  });

  it('a socket whose agent was deactivated with no message to the gateway (it was lost) closes within the check interval all the same', async () => {
    const s = await mustConnect(h.apiUrl, { token: await h.login(ada().email) });
    const control = await mustConnect(h.apiUrl, { token: admin });
    await h.testDb.db.agent.update({ where: { id: ada().id }, data: { active: false } });
    const started = Date.now();
    expect(await disconnectedWithin(s, 5000)).toBe(CLOSED);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await disconnectedWithin(control, 0)).toBe('still connected');
    control.close();
    await h.testDb.db.agent.update({ where: { id: ada().id }, data: { active: true } });
  });

  it('a session that expires closes its socket within the check interval, though the socket sends nothing', async () => {
    const session = await h.login(ada().email);
    const s = await mustConnect(h.apiUrl, { token: session });
    await pause(1500);
    expect(await disconnectedWithin(s, 0)).toBe('still connected');
    clock.advance(h.rt.config.SESSION_TTL_HOURS * 3_600_000 + 1000);
    const started = Date.now();
    expect(await disconnectedWithin(s, 5000)).toBe(CLOSED);
    // Bounded by SOCKET_SESSION_CHECK_SECONDS (1 s here), plus the check's one query.
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await connectAgent(h.apiUrl, { token: session })).toEqual({ refused: 'unauthenticated' });
  });
});
