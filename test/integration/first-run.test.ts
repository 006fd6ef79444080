// The first run over the API: while no workspace exists anyone may create it with its admin (and
// is logged in); racing first runs make exactly one; afterwards the answer is always 409, and the
// endpoint is rate-limited per address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmptyHarness, type EmptyHarness } from '../support/harness.ts';

describe('first run', () => {
  let h: EmptyHarness;

  beforeAll(async () => {
    h = await startEmptyHarness({ env: { SEED_DEMO: 'false' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const setup = (n: number) =>
    fetch(`${h.apiUrl}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceName: `Race ${n}`, name: `Admin ${n}`, email: `admin${n}@race.test`, password: 'racing to be first' }),
    });

  it('validates, then lets exactly one of racing first runs create the workspace, logged in', async () => {
    const bad = await h.api('', 'POST', '/api/setup', { workspaceName: '', name: 'A', email: 'a@b.test', password: 'long enough' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toBe('workspaceName: must not be empty');

    const answers = await Promise.all([1, 2, 3].map(setup));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = answers.find((r) => r.status === 201)!;
    expect(winner.headers.get('set-cookie')).toMatch(/^parley_session=[^;]+; .*HttpOnly/);
    const { token, agent } = (await winner.json()) as { token: string; agent: { email: string; role: string } };
    expect(agent.role).toBe('admin');
    expect((await h.api(token, 'GET', '/api/me')).body).toMatchObject({ email: agent.email, role: 'admin' });
    expect(await h.testDb.db.workspace.count()).toBe(1);
    expect(await h.testDb.db.agent.count()).toBe(1);
    expect((await h.api('', 'GET', '/api/setup')).body).toEqual({ needed: false });
  });

  it('answers 429 once a burst of attempts from one address is spent', async () => {
    const statuses: number[] = [];
    for (let n = 10; n < 16; n++) statuses.push((await setup(n)).status);
    // Five attempts per burst (four were made above; a token drips back every 12 s).
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThanOrEqual(2);
    expect(statuses.slice(0, first).every((s) => s === 409)).toBe(true);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    expect(Number((await setup(99)).headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
