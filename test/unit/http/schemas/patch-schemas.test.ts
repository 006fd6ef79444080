// A change (PATCH) touches only the fields it names: no schema of one may fill in a field that was
// not sent. A default inside `.partial()` does exactly that (renaming a queue once switched it from
// offer to push), so every exported change schema under src/http/schemas is walked here: parsed
// without its "give at least one field" refinement, `{}` must come out as `{}`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const schemaDir = path.resolve(import.meta.dirname, '../../../../src/http/schemas');
const routeDir = path.resolve(import.meta.dirname, '../../../../src/http/routes');
/** Named for what it is: `queuePatchBody`, `cannedResponseUpdateBody`, `profilePatchBody` ... */
const isChangeSchema = (name: string) => /(Patch|Update)(Body|Query)$/.test(name);

async function changeSchemas(): Promise<{ name: string; schema: unknown }[]> {
  const found: { name: string; schema: unknown }[] = [];
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(path.join(schemaDir, file))) as Record<string, unknown>;
    for (const [name, schema] of Object.entries(mod)) if (isChangeSchema(name)) found.push({ name: `${file}:${name}`, schema });
  }
  return found;
}

/** The fields a change schema fills in by itself when given nothing (none for a correct one). */
function filledIn(schema: unknown): string[] {
  if (!(schema instanceof z.ZodObject)) throw new Error('a change schema must be a z.object (refinements allowed) so its fields can be walked');
  // Every field optional: a required one (the profile's only field) is not filled in, a defaulted one still is.
  const fields = Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, f]) => [k, f.optional()]));
  return Object.keys(z.object(fields).parse({}));
}

describe('change schemas keep what they are not given', () => {
  it('finds every change schema of the API (the walk cannot silently walk nothing)', async () => {
    const names = (await changeSchemas()).map((s) => s.name.split(':')[1]);
    expect(names).toEqual(expect.arrayContaining(['queuePatchBody', 'statusPatchBody', 'teamPatchBody', 'personPatchBody', 'channelPatchBody', 'contactPatchBody', 'conversationPatchBody', 'cannedResponseUpdateBody']));
  });

  it('every PATCH route validates its body with one of them', async () => {
    const walked = new Set((await changeSchemas()).map((s) => s.name.split(':')[1]));
    const patchBodies = readdirSync(routeDir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(path.join(routeDir, f), 'utf8').matchAll(/app\.patch\(([\s\S]*?)async \(c\)/g)].map((m) => ({ route: f, body: /validate\('json', (\w+)\)/.exec(m[1]!)?.[1] ?? '(none)' })));
    expect(patchBodies.length).toBeGreaterThanOrEqual(8);
    expect(patchBodies.filter((p) => !walked.has(p.body))).toEqual([]);
  });

  it('no change schema fills in a field it was not given', async () => {
    const offenders = (await changeSchemas()).flatMap(({ name, schema }) => filledIn(schema).map((field) => `${name} fills in ${field}`));
    expect(offenders).toEqual([]);
  });

  it('the walk catches a default inside .partial(), refined or not', () => {
    const queueFields = { name: z.string(), mode: z.enum(['push', 'offer']).default('push'), timeout: z.number().default(30) };
    expect(filledIn(z.object(queueFields).partial())).toEqual(['mode', 'timeout']);
    expect(filledIn(z.object(queueFields).partial().refine((b) => Object.keys(b).length > 0))).toEqual(['mode', 'timeout']);
    expect(filledIn(z.object({ name: z.string() }))).toEqual([]);
  });
});
