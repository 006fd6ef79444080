import { describe, expect, it } from 'vitest';
import { turnBatcher } from '../../../../src/domain/inbound/turn-batcher.ts';

describe('turnBatcher', () => {
  it('joins what is asked in one turn into one batch and gives each caller its own result', async () => {
    const batches: number[][] = [];
    const owner = {};
    const double = turnBatcher((_: object) => async (items: number[]) => {
      batches.push([...items]);
      return items.map((n) => n * 2);
    });
    const results = await Promise.all([double(owner, 1), double(owner, 2), double(owner, 3)]);
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await double(owner, 4)).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('keeps one batch per owner', async () => {
    const batches: string[][] = [];
    const echo = turnBatcher((owner: { name: string }) => async (items: string[]) => {
      batches.push(items.map((i) => `${owner.name}:${i}`));
      return items;
    });
    const a = { name: 'a' };
    const b = { name: 'b' };
    await Promise.all([echo(a, 'x'), echo(b, 'y'), echo(a, 'z')]);
    expect(batches.sort()).toEqual([['a:x', 'a:z'], ['b:y']]);
  });

  it('a batch that fails fails every caller of it, and the next batch starts afresh', async () => {
    let down = true;
    const owner = {};
    const add = turnBatcher((_: object) => async (items: string[]) => {
      if (down) throw new Error('redis is away');
      return items.map(() => true);
    });
    const outcomes = await Promise.allSettled([add(owner, 'a'), add(owner, 'b')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    down = false;
    expect(await add(owner, 'c')).toBe(true);
  });

  it('a batch giving back the wrong number of results fails its callers rather than mixing them up', async () => {
    const short = turnBatcher((_: object) => async (items: number[]) => items.slice(1));
    const owner = {};
    const outcomes = await Promise.allSettled([short(owner, 1), short(owner, 2)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});
