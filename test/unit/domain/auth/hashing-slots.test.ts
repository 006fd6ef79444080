import { describe, expect, it } from 'vitest';
import { createPasswordHasher, type Kdf } from '../../../../src/domain/auth/password.ts';
import { AppError } from '../../../../src/errors.ts';

/** A key derivation that holds every call until released, counting how many are in flight. */
function heldKdf() {
  let inFlight = 0;
  let peak = 0;
  const held: (() => void)[] = [];
  const kdf: Kdf = async (_password, _salt, keylen) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise<void>((resolve) => held.push(resolve));
    inFlight--;
    return Buffer.alloc(keylen);
  };
  const releaseAll = async () => {
    while (held.length > 0 || inFlight > 0) {
      held.splice(0).forEach((r) => r());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { kdf, peak: () => peak, inFlight: () => inFlight, releaseAll };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('bounded password hashing', () => {
  it('runs at most `concurrency` hashes at once, however many logins arrive together', async () => {
    const k = heldKdf();
    const hasher = createPasswordHasher({ cost: 10, concurrency: 2, maxQueued: 100, kdf: k.kdf });
    const all = Promise.all(Array.from({ length: 12 }, (_, i) => hasher.verify(`guess ${i}`, null)));
    await tick();
    expect(k.inFlight()).toBe(2);
    expect(hasher.slots.stats()).toMatchObject({ running: 2, queued: 10 });
    await k.releaseAll();
    expect((await all).every((r) => !r.ok)).toBe(true);
    expect(k.peak()).toBe(2);
    expect(hasher.slots.stats()).toEqual({ running: 0, queued: 0, peakRunning: 2 });
  });

  it('turns away hashes beyond the queue with 503 (unavailable) instead of piling them up', async () => {
    const k = heldKdf();
    const hasher = createPasswordHasher({ cost: 10, concurrency: 1, maxQueued: 2, kdf: k.kdf });
    const results = Array.from({ length: 5 }, () => hasher.hash('pw').then(() => 'hashed', (err: unknown) => err));
    await tick();
    expect(hasher.slots.stats()).toMatchObject({ running: 1, queued: 2 });
    await k.releaseAll();
    const settled = await Promise.all(results);
    expect(settled.filter((r) => r === 'hashed')).toHaveLength(3);
    const refused = settled.filter((r) => r !== 'hashed');
    expect(refused).toHaveLength(2);
    for (const err of refused) expect(err).toMatchObject({ code: 'unavailable' });
    expect(refused[0]).toBeInstanceOf(AppError);
  });

  it('frees the slot when a hash fails', async () => {
    const failing: Kdf = async () => {
      throw new Error('scrypt failed');
    };
    const hasher = createPasswordHasher({ cost: 10, concurrency: 1, maxQueued: 0, kdf: failing });
    await expect(hasher.hash('pw')).rejects.toThrow('scrypt failed');
    await expect(hasher.hash('pw')).rejects.toThrow('scrypt failed');
    expect(hasher.slots.stats()).toMatchObject({ running: 0, queued: 0 });
  });
});
