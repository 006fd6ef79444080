// Attributing CPU profile frames to packages (npm run bench:profile).
import { describe, expect, it } from 'vitest';
import { packageOf, selfTimeByPackage } from '../../bench/support/profile-packages.ts';

describe('packageOf', () => {
  it('names plain and scoped packages, the innermost node_modules winning', () => {
    expect(packageOf('file:///w/node_modules/pg/lib/client.js', 'query')).toBe('pg');
    expect(packageOf('file:///w/node_modules/@prisma/client/runtime/client.js', 'Hn')).toBe('@prisma/client');
    expect(packageOf('file:///w/node_modules/bullmq/node_modules/ioredis/built/Redis.js', 'x')).toBe('ioredis');
  });
  it("names Node's internals, Parley's folders and the engine's pseudo-frames", () => {
    expect(packageOf('node:internal/streams/writable', 'write')).toBe('node:internals');
    expect(packageOf('file:///w/src/domain/inbound/ingest.ts', 'ingest')).toBe('parley:src');
    expect(packageOf('file:///w/workers/route.ts', 'x')).toBe('parley:workers');
    expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(packageOf('', 'writev')).toBe('(native)');
  });
});

describe('selfTimeByPackage', () => {
  it('gives each package its share of the hits, largest first', () => {
    const { packages, functions } = selfTimeByPackage([
      { id: 1, callFrame: { functionName: 'query', url: 'file:///w/node_modules/pg/lib/client.js' }, hitCount: 1 },
      { id: 2, callFrame: { functionName: 'Hn', url: 'file:///w/node_modules/@prisma/client/runtime/c.js' }, hitCount: 2 },
      { id: 3, callFrame: { functionName: 'Ni', url: 'file:///w/node_modules/@prisma/client/runtime/c.js' }, hitCount: 1 },
      { id: 4, callFrame: { functionName: '(root)', url: '' }, hitCount: 0 },
    ]);
    expect(packages).toEqual([['@prisma/client', 75], ['pg', 25]]);
    expect(functions[0]).toEqual(['@prisma/client Hn', 50]);
  });
});
