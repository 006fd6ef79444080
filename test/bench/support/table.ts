// Prints the runner's figures as a plain-text table: one row per figure, its median, min and max.
import { round, type Spread, type Spreads } from './stats.ts';

function isSpread(v: Spread | Spreads): v is Spread {
  return typeof (v as Spread).median === 'number' && Array.isArray((v as Spread).runs);
}

/** Flattens nested spreads into rows named by their path (`ingest.ackP99Ms`). */
export function rowsOf(spreads: Spreads, prefix = ''): [string, Spread][] {
  return Object.entries(spreads).flatMap(([key, v]): [string, Spread][] => (isSpread(v) ? [[`${prefix}${key}`, v]] : rowsOf(v, `${prefix}${key}.`)));
}

const cell = (n: number) => (Number.isFinite(n) ? String(round(n, n !== 0 && Math.abs(n) < 10 ? 2 : 1)) : '-');

export function formatTable(spreads: Spreads): string {
  const rows = rowsOf(spreads).map(([name, s]) => [name, cell(s.median), cell(s.min), cell(s.max)]);
  const header = ['figure', 'median', 'min', 'max'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The `--json` object: every figure as {median, min, max, runs}, rounded. */
export function toJson(spreads: Spreads): unknown {
  return Object.fromEntries(
    Object.entries(spreads).map(([k, v]) => [k, isSpread(v) ? { median: round(v.median, 2), min: round(v.min, 2), max: round(v.max, 2), runs: v.runs.map((r) => round(r, 2)) } : toJson(v)]),
  );
}
