// HTTP routes make no database calls of their own: a route parses its input, calls a domain
// function (handing it `deps.db` or `deps` is fine) and renders the result. This scan keeps it so.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const routesDir = path.resolve(import.meta.dirname, '../../../src/http/routes');

const rules: { name: string; pattern: RegExp }[] = [
  // `deps.db.agent.findMany(...)`, `db.$queryRaw`, `const { db } = deps; db.queue...`
  { name: 'Prisma call on db', pattern: /\bdb\s*\??\.\s*[$\w]+/g },
  { name: 'Prisma call on a client named prisma/tx', pattern: /\b(?:prisma|tx)\s*\??\.\s*[$\w]+/g },
  { name: 'raw query or transaction', pattern: /\$(?:queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe|transaction)\b/g },
];

const findPrismaCalls = (source: string) => rules.flatMap((r) => [...source.matchAll(r.pattern)].map((m) => `${r.name} (${m[0]})`));

describe('HTTP routes', () => {
  it('make no Prisma calls of their own: every database access is a domain function', () => {
    const files = readdirSync(routesDir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const findings = files.flatMap((f) => findPrismaCalls(readFileSync(path.join(routesDir, f), 'utf8')).map((hit) => `${f}: ${hit}`));
    expect(findings).toEqual([]);
  });

  it('the scan finds a Prisma call where one is written, and lets a route hand db to a domain function', () => {
    expect(findPrismaCalls('const q = await deps.db.queue.findMany({ where: {} });')).not.toEqual([]);
    expect(findPrismaCalls('await deps.db.$queryRaw`SELECT 1`;')).not.toEqual([]);
    expect(findPrismaCalls('const { db } = deps; await db.agent.update({});')).not.toEqual([]);
    expect(findPrismaCalls('await deps.db.$transaction(async (t) => t.agent.count());')).not.toEqual([]);
    expect(findPrismaCalls("c.json({ items: await listAgents(deps.db, c.get('viewer')) })")).toEqual([]);
    expect(findPrismaCalls('await retryInboundEvent(deps, viewer, id)')).toEqual([]);
  });
});
