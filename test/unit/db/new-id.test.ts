// Ids made for plain-SQL inserts must be the UUIDv7s Prisma makes: version 7, RFC 9562 variant,
// the creation millisecond in the first 48 bits (so they sort with Prisma's by creation time).
import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/db/new-id.ts';

describe('newId', () => {
  it('is a version 7 UUID of the RFC variant carrying the time it was made', () => {
    const at = Date.UTC(2026, 11, 3, 8, 0, 0, 123);
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts later ids after earlier ones and never repeats within a millisecond', () => {
    const early = newId(1_000);
    const late = newId(2_000);
    expect(early < late).toBe(true);
    const same = new Set(Array.from({ length: 1_000 }, () => newId(5_000)));
    expect(same.size).toBe(1_000);
  });
});
