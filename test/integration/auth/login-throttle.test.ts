// Logging in resists guessing: every attempt is counted in Redis before its password is checked,
// per address, per address and account, and per account from anywhere; over a limit the answer
// is 429 with Retry-After, even for the right password. Addresses come from X-Forwarded-For
// (TRUST_PROXY), so one test plays many clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';

describe('login throttling', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const attempt = (email: string, password: string, from: string) =>
    fetch(`${h.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ email, password }) });

  it('answers 429 to the right password after 50 parallel wrong ones: exactly 10 guesses were checked', async () => {
    const email = h.workspace.agents[1]!.email;
    const guesses = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(email, `wrong ${i}`, '198.51.100.1')));
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    const right = await attempt(email, PASSWORD, '198.51.100.1');
    expect(right.status).toBe(429);
    const wait = Number(right.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(((await right.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^Too many attempts; try again in \d+ minutes$/) });
    // The same person from another address, and another account from this address, are not held up.
    expect((await attempt(email, PASSWORD, '198.51.100.2')).status).toBe(200);
    expect((await attempt(h.workspace.agents[2]!.email, PASSWORD, '198.51.100.1')).status).toBe(200);
  });

  it('limits consecutive failures: a successful login starts the count from zero', async () => {
    const email = h.workspace.agents[2]!.email;
    const from = '198.51.100.3';
    for (let i = 0; i < 9; i++) expect((await attempt(email, 'wrong', from)).status).toBe(401);
    expect((await attempt(email, PASSWORD, from)).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attempt(email, 'wrong', from)).status).toBe(401);
    expect((await attempt(email, 'wrong', from)).status).toBe(429);
  });

  it('does not count a request that checked no password (an invalid body)', async () => {
    const from = '198.51.100.4';
    const email = h.workspace.agents[0]!.email;
    for (let i = 0; i < 15; i++) expect((await attempt(email, '', from)).status).toBe(422);
    expect((await attempt(email, PASSWORD, from)).status).toBe(200);
  });

  it('locks one account after 100 failures from many addresses, leaving other accounts and the address alone', async () => {
    const email = `target-${Date.now()}@acme.test`; // unknown accounts are limited the same way
    for (let a = 0; a < 10; a++) {
      const statuses = await Promise.all(Array.from({ length: 10 }, () => attempt(email, 'guess', `203.0.113.${a + 10}`).then((r) => r.status)));
      expect(statuses).toEqual(Array(10).fill(401));
    }
    expect((await attempt(email, 'guess', '203.0.113.99')).status).toBe(429);
    expect((await attempt(h.workspace.agents[0]!.email, PASSWORD, '203.0.113.99')).status).toBe(200);
  });

  it('limits one address to 100 failures an hour across accounts (password spraying)', async () => {
    const from = '192.0.2.7';
    for (let batch = 0; batch < 10; batch++) {
      const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(`spray-${batch}-${i}@acme.test`, 'Summer2026!', from).then((r) => r.status)));
      expect(statuses).toEqual(Array(10).fill(401));
    }
    const limited = await attempt(h.workspace.agents[1]!.email, PASSWORD, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(15 * 60);
  });
});
