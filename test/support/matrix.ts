// Permission matrices for security tests: rows (an event, a check) by callers, each cell 'yes'
// (allowed), 'no' (refused) or '-' (not asked: the caller could not connect). Rendered as a table
// so a failing comparison prints the whole matrix, expected beside actual.
export type Cell = 'yes' | 'no' | '-';
export type Matrix = Record<string, Record<string, Cell>>;

/** `rows` fixes the order (the expected matrix's), so two renderings compare line by line. */
export function renderMatrix(matrix: Matrix, callers: readonly string[], rows: readonly string[] = Object.keys(matrix)): string {
  const first = Math.max(5, ...rows.map((r) => r.length));
  const widths = callers.map((c) => Math.max(3, c.length));
  const line = (label: string, cells: string[]) => [label.padEnd(first), ...cells.map((c, i) => c.padEnd(widths[i]!))].join(' | ');
  return ['', line('', [...callers]), ...rows.map((r) => line(r, callers.map((c) => matrix[r]![c] ?? '?')))].join('\n');
}

export const yesNo = (allowed: boolean): Cell => (allowed ? 'yes' : 'no');
