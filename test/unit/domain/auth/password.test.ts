import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../../src/domain/auth/password.ts';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('s3cret pass');
    expect(h.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('s3cret pass', h)).toBe(true);
    expect(await verifyPassword('s3cret pasS', h)).toBe(false);
  });
  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });
  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
