import { describe, expect, it } from 'vitest';
import { cleanForPostgres, cleanText } from '../../../../src/domain/inbound/clean-for-postgres.ts';

describe('cleanForPostgres', () => {
  it('drops NUL characters and replaces lone surrogates, keeping pairs', () => {
    expect(cleanText('a\u0000b')).toBe('ab');
    expect(cleanText('x\ud83dy \udc00z')).toBe('x\ufffdy \ufffdz');
    expect(cleanText('ok 👍')).toBe('ok 👍');
  });

  it('cleans every string and key of a value, keeping bytes and dates as they are', () => {
    const content = Buffer.from([0, 1, 2]);
    const at = new Date(0);
    const cleaned = cleanForPostgres({ subject: 'S\u0000', list: ['\u0000x', 1, null], ['k\u0000ey']: { at, content } });
    expect(cleaned).toEqual({ subject: 'S', list: ['x', 1, null], key: { at, content } });
    expect((cleaned as unknown as { key: { content: Buffer } }).key.content).toBe(content);
  });
});
