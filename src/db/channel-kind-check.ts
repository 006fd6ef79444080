// The channel-kind columns are text; which kinds they may hold is the registry's list
// (channels/registry.ts), kept in the database as CHECK constraints. The migration runner brings
// them in step after migrating, so adding a channel needs no migration. NOT VALID: rows of a kind
// a later Parley dropped stay readable (and show as failed), only new rows are checked.
import type pg from 'pg';
import { channelKinds } from '../../channels/registry.ts';

const columns = [
  { table: 'Channel', column: 'kind', constraint: 'Channel_kind_check' },
  { table: 'ContactIdentity', column: 'channelKind', constraint: 'ContactIdentity_channelKind_check' },
] as const;

const quoteLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The kinds a constraint allows now, or null when there is none. */
async function allowedKinds(client: pg.ClientBase, constraint: string): Promise<string[] | null> {
  const { rows } = await client.query<{ def: string }>('SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1', [constraint]);
  const def = rows[0]?.def;
  if (def === undefined) return null;
  return [...def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replaceAll("''", "'")).sort();
}

/** Makes every channel-kind column accept exactly the registry's kinds; returns the constraints it changed. */
export async function syncChannelKindChecks(client: pg.ClientBase, kinds: readonly string[] = channelKinds): Promise<string[]> {
  const wanted = [...kinds].sort();
  const changed: string[] = [];
  for (const { table, column, constraint } of columns) {
    const exists = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`"${table}"`]);
    if (!exists.rows[0]?.t) continue;
    const current = await allowedKinds(client, constraint);
    if (current && current.join(',') === wanted.join(',')) continue;
    const list = wanted.map(quoteLiteral).join(', ');
    await client.query('BEGIN');
    await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${constraint}"`);
    await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" CHECK ("${column}" IN (${list})) NOT VALID`);
    await client.query('COMMIT');
    changed.push(constraint);
  }
  return changed;
}
