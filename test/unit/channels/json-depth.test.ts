import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../../../channels/json-depth.ts';
import { parseJsonPayload } from '../../../channels/parse-json-payload.ts';
import { ParseError } from '../../../channels/types.ts';
import { z } from 'zod';

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('exceedsJsonDepth', () => {
  it('lets values up to the bound through and flags one level more', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth({ a: [{ b: 1 }], c: 'x' }, 3)).toBe(false);
    expect(exceedsJsonDepth({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(exceedsJsonDepth('text')).toBe(false);
    expect(exceedsJsonDepth(null)).toBe(false);
  });

  it('walks a 500,000-deep value without overflowing the stack', () => {
    expect(exceedsJsonDepth(nested(500_000))).toBe(true);
  });
});

describe('parseJsonPayload', () => {
  const schema = z.object({ a: z.unknown() }).passthrough();
  it('refuses deep bytes with a ParseError naming the bound instead of overflowing in zod', () => {
    const deep = Buffer.from(`{"a":${'['.repeat(30_000)}${']'.repeat(30_000)}}`);
    expect(() => parseJsonPayload(deep, z.object({ a: z.json() }), 'a test event')).toThrow(ParseError);
    expect(() => parseJsonPayload(deep, schema, 'a test event')).toThrow(/a test event: JSON nested more than 64 levels deep/);
  });
});
