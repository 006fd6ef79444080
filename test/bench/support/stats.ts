// The arithmetic of the scenario runner: percentiles of latency samples, and the median with min
// and max of a figure over repeated runs (each figure of `npm run bench` is the median of 3 runs).

/** The p-th percentile (0-100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0-100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** Median, min and max of one figure over runs; a run that could not measure it (NaN) is left out. */
export function spread(runs: readonly number[]): Spread {
  const measured = runs.filter((v) => Number.isFinite(v));
  if (measured.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: [...runs] };
  return { median: median(measured), min: Math.min(...measured), max: Math.max(...measured), runs: [...runs] };
}

/** A nested object of figures per run -> the same shape with a Spread at every leaf. */
export type Figures = { [key: string]: number | Figures };
export type Spreads = { [key: string]: Spread | Spreads };

export function spreadsOf(runs: readonly Figures[]): Spreads {
  const out: Spreads = {};
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  for (const key of keys) {
    const values = runs.map((r) => r[key]);
    if (values.some((v) => typeof v === 'object')) {
      out[key] = spreadsOf(values.map((v) => (typeof v === 'object' ? v : {})));
    } else {
      out[key] = spread(values.map((v) => (typeof v === 'number' ? v : Number.NaN)));
    }
  }
  return out;
}

/** Rounds to `digits` decimals (figures are printed and stored rounded: they are noisy anyway). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
