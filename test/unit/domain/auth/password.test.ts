import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { createPasswordHasher, parsePasswordHash, passwordHasherFor, scryptKdf, type Kdf, type ScryptParams } from '../../../../src/domain/auth/password.ts';

/** The real scrypt, recording the parameters of every derivation. */
function countingKdf() {
  const calls: ScryptParams[] = [];
  const kdf: Kdf = (password, salt, keylen, params) => {
    calls.push(params);
    return scryptKdf(password, salt, keylen, params);
  };
  return { kdf, calls };
}

const hasher = (cost = 10, kdf?: Kdf) => createPasswordHasher({ cost, concurrency: 2, maxQueued: 100, kdf });

/** A hash in the first format Parley stored (scrypt$N$r$p$salt$hash at N = 2^14). */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one, in a PHC string naming its parameters', async () => {
    const h = await hasher().hash('s3cret pass');
    expect(h).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await hasher().verify('s3cret pass', h)).toEqual({ ok: true, rehash: false });
    expect(await hasher().verify('s3cret pasS', h)).toEqual({ ok: false, rehash: false });
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hasher().hash('x')).not.toBe(await hasher().hash('x'));
  });

  it("hashes at OWASP's scrypt parameters by default (N = 2^17, r = 8, p = 1), within scrypt's memory limit", async () => {
    const { kdf, calls } = countingKdf();
    const config = loadConfig({});
    expect(config.PASSWORD_HASH_COST).toBe(17);
    const owasp = createPasswordHasher({ cost: config.PASSWORD_HASH_COST, concurrency: 1, maxQueued: 1, kdf });
    const h = await owasp.hash('correct horse');
    expect(calls).toEqual([{ N: 2 ** 17, r: 8, p: 1 }]);
    expect(h.startsWith('$scrypt$ln=17,r=8,p=1$')).toBe(true);
    expect(parsePasswordHash(h)?.params).toEqual({ N: 131072, r: 8, p: 1 });
    expect(passwordHasherFor(config).slots.stats().running).toBe(0);
  });

  it('verifies a hash of the first format and asks for it to be replaced', async () => {
    const old = legacyHash('from before');
    expect(await hasher().verify('from before', old)).toEqual({ ok: true, rehash: true });
    expect(await hasher().verify('wrong', old)).toEqual({ ok: false, rehash: false });
  });

  it('asks for a rehash when the cost was raised since the hash was made', async () => {
    const cheap = await hasher(10).hash('pw');
    expect(await hasher(11).verify('pw', cheap)).toEqual({ ok: true, rehash: true });
    expect(await hasher(10).verify('pw', cheap)).toEqual({ ok: true, rehash: false });
  });

  it('does the same work for no usable hash (unknown email, no password yet, a foreign or tampered format) and says no', async () => {
    for (const stored of [null, 'md5$abc', 'scrypt$1073741824$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==', '$scrypt$ln=40,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA']) {
      const { kdf, calls } = countingKdf();
      expect(await hasher(10, kdf).verify('guess', stored)).toEqual({ ok: false, rehash: false });
      // One derivation at the current parameters: as long as checking a real account's password.
      expect(calls).toEqual([{ N: 1024, r: 8, p: 1 }]);
    }
  });
});
