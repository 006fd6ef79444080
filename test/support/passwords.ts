// Password hashing for tests: the real scrypt at N = 2^10 instead of OWASP's 2^17, so the many
// workspaces and logins of the suite stay fast. The harness's Parley gets the same cost through
// its environment (PASSWORD_HASH_COST), so the hashes made here verify without a rehash.
import { createPasswordHasher } from '../../src/domain/auth/password.ts';

export const TEST_HASH_COST = 10;

export const testHashEnv = { PASSWORD_HASH_COST: String(TEST_HASH_COST) };

export const testPasswords = createPasswordHasher({ cost: TEST_HASH_COST, concurrency: 2, maxQueued: 1_000 });
