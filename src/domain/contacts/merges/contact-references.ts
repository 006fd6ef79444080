// Every column that points at a contact, read from the database's own foreign keys (so a table
// added later that references Contact is moved by a merge and back by its undo without a change
// here), plus Contact.mergedIntoId, which has no foreign key. AuditEvent.contactId has none either
// and is deliberately left alone: the audit log says what happened to whom at the time.
import type { Tx } from '../../../db/client.ts';

export interface ContactReference {
  table: string;
  column: string;
  /** Other columns of a unique index that includes `column`: a row whose twin the survivor already has stays put. */
  uniqueWith: string[][];
}

/** The rows one merge moved from the merged contact to the survivor: what its undo moves back. */
export interface MovedRows {
  table: string;
  column: string;
  ids: string[];
}

const quote = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

export async function contactReferences(tx: Tx): Promise<ContactReference[]> {
  const fks = await tx.$queryRawUnsafe<{ table: string; column: string }[]>(
    `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = '"Contact"'::regclass AND array_length(c.conkey, 1) = 1
      ORDER BY 1, 2`,
  );
  const refs = [...fks.map((r) => ({ table: r.table.replaceAll('"', ''), column: r.column })), { table: 'Contact', column: 'mergedIntoId' }];
  return Promise.all(refs.map(async (r) => ({ ...r, uniqueWith: await uniqueSiblings(tx, r.table, r.column) })));
}

async function uniqueSiblings(tx: Tx, table: string, column: string): Promise<string[][]> {
  const rows = await tx.$queryRawUnsafe<{ cols: string[] }[]>(
    `SELECT array_agg(a.attname::text ORDER BY a.attname) AS cols
       FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisunique AND NOT i.indisprimary
      GROUP BY i.indexrelid
     HAVING bool_or(a.attname = $2)`,
    quote(table),
    column,
  );
  return rows.map((r) => r.cols.filter((c) => c !== column));
}

/** Moves every row pointing at `fromId` to `intoId` (except a row whose unique twin `intoId` already has); returns what moved. */
export async function moveContactReferences(tx: Tx, refs: readonly ContactReference[], fromId: string, intoId: string): Promise<MovedRows[]> {
  const moved: MovedRows[] = [];
  for (const ref of refs) {
    const t = quote(ref.table);
    const col = quote(ref.column);
    const twins = ref.uniqueWith
      .map((cols) => `AND NOT EXISTS (SELECT 1 FROM ${t} o WHERE o.${col} = $2 ${cols.map((c) => `AND o.${quote(c)} IS NOT DISTINCT FROM r.${quote(c)}`).join(' ')})`)
      .join(' ');
    // Only the reference changes: the rows themselves (updatedAt included) stay as they were, so an undo restores them exactly.
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`UPDATE ${t} AS r SET ${col} = $2 WHERE r.${col} = $1 ${twins} RETURNING r."id"`, fromId, intoId);
    if (rows.length) moved.push({ table: ref.table, column: ref.column, ids: rows.map((r) => r.id).sort() });
  }
  return moved;
}

/** Moves the rows a merge moved back to the merged contact (those still on the survivor). */
export async function restoreContactReferences(tx: Tx, moved: readonly MovedRows[], survivorId: string, mergedId: string): Promise<number> {
  let n = 0;
  for (const m of moved) {
    n += await tx.$executeRawUnsafe(`UPDATE ${quote(m.table)} SET ${quote(m.column)} = $1 WHERE "id" = ANY($2::text[]) AND ${quote(m.column)} = $3`, mergedId, m.ids, survivorId);
  }
  return n;
}
