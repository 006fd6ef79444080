// Small SQL pieces the export queries share: timestamps written as ISO 8601 UTC by Postgres (the
// columns are UTC TIMESTAMP(3)), and the date range on a timestamp column, always bound.
import type { ExportRange } from './export-filters.ts';

/** A TIMESTAMP(3) column (stored in UTC) as `2026-12-04T17:00:00.000Z`, null stays null. */
export const isoSql = (column: string): string => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** `column` within [from, to): conditions to AND in, nothing for an open end. */
export function rangeSql(column: string, range: ExportRange, bind: (value: unknown) => string): string[] {
  const parts: string[] = [];
  if (range.from) parts.push(`${column} >= (${bind(range.from.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  if (range.to) parts.push(`${column} < (${bind(range.to.toISOString())}::timestamptz AT TIME ZONE 'UTC')`);
  return parts;
}
