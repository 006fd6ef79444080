// One's own sessions over the API: listed with device, address and last use (the asking one
// marked), logged out one by one or "everywhere else"; idle sessions end; behind an https
// PUBLIC_URL the cookie is Secure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';

const FIREFOX_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

describe('own sessions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { TRUST_PROXY: 'true', PUBLIC_URL: 'https://help.acme.test', SESSION_IDLE_MINUTES: '30' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const loginFrom = async (email: string, from: { ip: string; userAgent: string }) => {
    const res = await fetch(`${h.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from.ip, 'user-agent': from.userAgent },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    return { token: ((await res.json()) as { token: string }).token, cookie: res.headers.get('set-cookie')! };
  };
  const sessionsOf = async (token: string) => (await h.api(token, 'GET', '/api/me/sessions')).body.sessions as { id: string; current: boolean; device: string; ip: string | null; lastSeenAt: string }[];

  it('lists my sessions, the current first, with device, address and last use, and none of anyone else', async () => {
    const ada = h.workspace.agents[1]!.email;
    const laptop = await loginFrom(ada, { ip: '198.51.100.20', userAgent: FIREFOX_MAC });
    const phone = await loginFrom(ada, { ip: '203.0.113.5', userAgent: CHROME_ANDROID });
    await h.login(h.workspace.agents[2]!.email);
    const listed = await sessionsOf(phone.token);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ current: true, device: 'Chrome on Android', ip: '203.0.113.5', userAgent: CHROME_ANDROID });
    expect(listed[1]).toMatchObject({ current: false, device: 'Firefox on macOS', ip: '198.51.100.20' });
    expect(Date.parse(listed[1]!.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await sessionsOf(laptop.token))[0]).toMatchObject({ current: true, device: 'Firefox on macOS' });
  });

  it('sets a Secure cookie when PUBLIC_URL is https, and clears it the same way on logout', async () => {
    const { cookie } = await loginFrom(h.workspace.agents[0]!.email, { ip: '198.51.100.21', userAgent: FIREFOX_MAC });
    expect(cookie).toMatch(/parley_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    const out = await fetch(`${h.apiUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: cookie.split(';')[0]! } });
    expect(out.headers.get('set-cookie')).toMatch(/parley_session=;.*Max-Age=0.*Secure/i);
  });

  it('logs out one session of mine; another person cannot end mine', async () => {
    const bob = h.workspace.agents[2]!.email;
    const a = await loginFrom(bob, { ip: '198.51.100.30', userAgent: FIREFOX_MAC });
    const b = await loginFrom(bob, { ip: '198.51.100.31', userAgent: CHROME_ANDROID });
    const other = (await sessionsOf(a.token)).find((s) => !s.current && s.ip === '198.51.100.31')!;
    const admin = await h.login(h.workspace.agents[0]!.email);
    expect((await h.api(admin, 'DELETE', `/api/me/sessions/${other.id}`)).status).toBe(404);
    expect((await h.api(b.token, 'GET', '/api/me')).status).toBe(200);

    expect(await h.api(a.token, 'DELETE', `/api/me/sessions/${other.id}`)).toMatchObject({ status: 200, body: { ended: 1, current: false } });
    expect((await h.api(b.token, 'GET', '/api/me')).status).toBe(401);
    expect((await h.api(a.token, 'GET', '/api/me')).status).toBe(200);
    expect((await h.api(a.token, 'DELETE', `/api/me/sessions/${other.id}`)).status).toBe(404);
  });

  it('logs out everywhere else, keeping the asking session; or everywhere, this one too', async () => {
    const admin = h.workspace.agents[0]!.email;
    const here = await loginFrom(admin, { ip: '198.51.100.40', userAgent: FIREFOX_MAC });
    const there = [await h.login(admin), await h.login(admin)];
    const before = (await sessionsOf(here.token)).length;
    const res = await h.api(here.token, 'POST', '/api/me/sessions/logout-all', { keepCurrent: true });
    expect(res).toMatchObject({ status: 200, body: { ended: before - 1, current: false } });
    for (const t of there) expect((await h.api(t, 'GET', '/api/me')).status).toBe(401);
    expect((await sessionsOf(here.token)).map((s) => s.current)).toEqual([true]);

    const all = await fetch(`${h.apiUrl}/api/me/sessions/logout-all`, { method: 'POST', headers: { authorization: `Bearer ${here.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ keepCurrent: false }) });
    expect(await all.json()).toEqual({ ended: 1, current: true });
    expect(all.headers.get('set-cookie')).toMatch(/parley_session=;/);
    expect((await h.api(here.token, 'GET', '/api/me')).status).toBe(401);
    expect(await h.testDb.db.session.count({ where: { agentId: h.workspace.agents[0]!.id } })).toBe(0);
  });

  it('ends a session unused for longer than SESSION_IDLE_MINUTES, and notes use at most once a minute', async () => {
    const ada = h.workspace.agents[1]!;
    const token = await h.login(ada.email);
    const [session] = await h.testDb.db.session.findMany({ where: { agentId: ada.id }, orderBy: { createdAt: 'desc' }, take: 1 });
    const setLastSeen = (ago: number) => h.testDb.db.session.update({ where: { id: session!.id }, data: { lastSeenAt: new Date(Date.now() - ago) } });
    const lastSeen = async () => (await h.testDb.db.session.findUniqueOrThrow({ where: { id: session!.id } })).lastSeenAt.getTime();

    await setLastSeen(30_000);
    const recent = await lastSeen();
    expect((await h.api(token, 'GET', '/api/me')).status).toBe(200);
    expect(await lastSeen()).toBe(recent); // within the minute: no write

    await setLastSeen(29 * 60_000);
    expect((await h.api(token, 'GET', '/api/me')).status).toBe(200);
    expect(await lastSeen()).toBeGreaterThan(Date.now() - 10_000); // touched: the idle clock starts again

    await setLastSeen(31 * 60_000);
    const idle = await h.api(token, 'GET', '/api/me');
    expect(idle).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await h.testDb.db.session.findUnique({ where: { id: session!.id } })).toBeNull();
  });
});
