// A contact's whole row as JSON (to_jsonb) and back (jsonb_populate_record), over whatever columns
// Contact has when it runs: a column added by a later migration is kept and restored too.
import type { Tx } from '../../../db/client.ts';

export type ContactRowSnapshot = Record<string, unknown> & { id: string };

export async function snapshotContactRows(tx: Tx, ids: readonly string[]): Promise<Map<string, ContactRowSnapshot>> {
  const rows = await tx.$queryRawUnsafe<{ row: ContactRowSnapshot }[]>(`SELECT to_jsonb(c) AS row FROM "Contact" c WHERE c."id" = ANY($1::text[])`, [...ids]);
  return new Map(rows.map((r) => [r.row.id, r.row]));
}

async function contactColumns(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'Contact' AND is_generated = 'NEVER' AND column_name <> 'id'
      ORDER BY ordinal_position`,
  );
  return rows.map((r) => `"${r.name.replaceAll('"', '""')}"`);
}

/** Writes every column of the row back as the snapshot has it (a column added since the snapshot keeps its current value). */
export async function restoreContactRow(tx: Tx, snapshot: ContactRowSnapshot): Promise<void> {
  const cols = (await contactColumns(tx)).join(', ');
  // jsonb_populate_record over the current row: the snapshot's keys replace its values, a key it lacks keeps the column as it is.
  const restored = await tx.$executeRawUnsafe(
    `UPDATE "Contact" AS c SET (${cols}) = (SELECT ${cols} FROM jsonb_populate_record(c, $1::jsonb)) WHERE c."id" = $2`,
    JSON.stringify(snapshot),
    snapshot.id,
  );
  if (restored !== 1) throw new Error(`contact ${snapshot.id} to restore is missing`);
}
