// laneBatcher: items that arrive while a lane's batches are out go together as the next batch,
// each caller hears its own outcome, and one owner's lane never holds up another's.
import { describe, expect, it } from 'vitest';
import { allOk, laneBatcher, type Settled } from '../../../src/db/lane-batcher.ts';

interface Owner {
  batches: number[][];
  release: Array<() => void>;
}

/** Work that records each batch and finishes only when the test releases it. */
const held = (owner: Owner, items: number[]) =>
  new Promise<Settled<number>[]>((resolve) => {
    owner.batches.push(items);
    owner.release.push(() => resolve(allOk(items.map((n) => n * 10))));
  });
/** Lets the lane's promise callbacks and its setImmediate run. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};
const owner = (): Owner => ({ batches: [], release: [] });

describe('laneBatcher', () => {
  it('starts a batch at once when the lane is idle, and gathers what comes while it is out', async () => {
    const join = laneBatcher(held, { maxBatch: 100, maxInFlight: 1 });
    const o = owner();
    const first = join(o, 1);
    await settle();
    expect(o.batches).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => join(o, n));
    await settle();
    expect(o.batches).toHaveLength(1);
    o.release.shift()!();
    expect(await first).toBe(10);
    await settle();
    expect(o.batches).toEqual([[1], [2, 3, 4]]);
    o.release.shift()!();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('keeps maxInFlight batches out and splits at maxBatch', async () => {
    const join = laneBatcher(held, { maxBatch: 2, maxInFlight: 2 });
    const o = owner();
    const all = [1, 2, 3, 4, 5].map((n) => join(o, n));
    await settle();
    expect(o.batches).toEqual([[1, 2], [3, 4]]);
    o.release.shift()!();
    await settle();
    expect(o.batches).toEqual([[1, 2], [3, 4], [5]]);
    while (o.release.length) o.release.shift()!();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
  });

  it('fails only the item whose outcome is an error; a throwing batch fails all of its items', async () => {
    const join = laneBatcher(
      async (_o: object, items: number[]): Promise<Settled<number>[]> => {
        if (items.includes(0)) throw new Error('batch broke');
        return items.map((n) => (n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n }));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const o = {};
    const outcomes = await Promise.allSettled([join(o, 1), join(o, -2), join(o, 3)]);
    expect(outcomes.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'bad -2', 3]);
    const broken = await Promise.allSettled([join(o, 4), join(o, 0)]);
    expect(broken.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // The lane goes on after a broken batch.
    expect(await join(o, 5)).toBe(5);
  });

  it('refuses a work function that answers for the wrong number of items', async () => {
    const join = laneBatcher(async () => allOk([1]), { maxBatch: 10, maxInFlight: 1 });
    const o = {};
    const outcomes = await Promise.allSettled([join(o, 1), join(o, 2)]);
    expect(outcomes.every((r) => r.status === 'rejected' && /a batch of 2 gave 1 outcomes/.test(String(r.reason)))).toBe(true);
  });

  it('gives each owner its own lane', async () => {
    const join = laneBatcher(held, { maxBatch: 100, maxInFlight: 1 });
    const a = owner();
    const b = owner();
    const fromA = join(a, 1);
    await settle();
    const fromB = join(b, 2);
    await settle();
    expect(b.batches).toEqual([[2]]);
    b.release.shift()!();
    expect(await fromB).toBe(20);
    a.release.shift()!();
    expect(await fromA).toBe(10);
  });
});
