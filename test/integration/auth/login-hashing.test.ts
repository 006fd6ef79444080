// What a login hashes: one scrypt derivation whether or not the account exists (so timing does not
// tell), and a hash of older parameters replaced on the first successful login.
import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../src/domain/auth/login.ts';
import { createPasswordHasher, scryptKdf, type Kdf, type ScryptParams } from '../../../src/domain/auth/password.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { TEST_HASH_COST } from '../../support/passwords.ts';

describe('password hashing at login', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The login domain function with a hasher that records every derivation. */
  function countedLogin() {
    const calls: ScryptParams[] = [];
    const kdf: Kdf = (password, salt, keylen, params) => {
      calls.push(params);
      return scryptKdf(password, salt, keylen, params);
    };
    const passwords = createPasswordHasher({ cost: TEST_HASH_COST, concurrency: 2, maxQueued: 10, kdf });
    const run = (email: string, password: string) =>
      login({ db: h.testDb.db, passwords }, { email, password, now: new Date(), ttlHours: 1, client: { ip: null, userAgent: null } }).then(
        () => 'ok',
        (err: { code?: string }) => err.code,
      );
    return { calls, run };
  }
  const current = { N: 2 ** TEST_HASH_COST, r: 8, p: 1 };

  it('hashes once for an unknown email, as for a wrong password, and gives the same answer', async () => {
    const unknown = countedLogin();
    expect(await unknown.run('nobody-here@acme.test', 'some guess')).toBe('unauthenticated');
    expect(unknown.calls).toEqual([current]);
    const wrong = countedLogin();
    expect(await wrong.run(h.workspace.agents[1]!.email, 'some guess')).toBe('unauthenticated');
    expect(wrong.calls).toEqual([current]);
  });

  it('hashes once for a deactivated person and for an invited one without a password', async () => {
    const [deactivated, invited] = [`gone-${Date.now()}@acme.test`, `new-${Date.now()}@acme.test`];
    const workspaceId = h.workspace.workspace.id;
    const stored = h.workspace.agents[0]!.passwordHash;
    await h.testDb.db.agent.create({ data: { workspaceId, email: deactivated, name: 'Gone', role: 'agent', passwordHash: stored, active: false } });
    await h.testDb.db.agent.create({ data: { workspaceId, email: invited, name: 'New', role: 'agent', passwordHash: null, active: false } });
    for (const email of [deactivated, invited]) {
      const attempt = countedLogin();
      // Even with the right password: a deactivated person is not let in.
      expect(await attempt.run(email, PASSWORD)).toBe('unauthenticated');
      expect(attempt.calls).toEqual([current]);
    }
  });

  it('replaces a hash of the first format with a current one on a successful login, and only then', async () => {
    const bob = h.workspace.agents[2]!;
    const salt = randomBytes(16);
    const legacy = ['scrypt', 16384, 8, 1, salt.toString('base64'), scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')].join('$');
    await h.testDb.db.agent.update({ where: { id: bob.id }, data: { passwordHash: legacy } });
    const stored = async () => (await h.testDb.db.agent.findUniqueOrThrow({ where: { id: bob.id } })).passwordHash;

    const wrong = await fetch(`${h.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: bob.email, password: 'not it' }) });
    expect(wrong.status).toBe(401);
    expect(await stored()).toBe(legacy);

    await h.login(bob.email);
    const upgraded = await stored();
    expect(upgraded).toMatch(new RegExp(`^\\$scrypt\\$ln=${TEST_HASH_COST},r=8,p=1\\$`));
    // The new hash holds the same password: logging in again works and leaves it alone.
    await h.login(bob.email);
    expect(await stored()).toBe(upgraded);
  });
});
