// How far V8 lets the old generation grow past what survived the last full collection. By default
// the limit is set dynamically, up to about four times the live size when allocation is fast and
// collection cheap: under an ingest burst the workers' heap grew to 300+ MB of which ~95 MB was
// live (the rest garbage awaiting a full collection), and that is resident memory. A fixed factor
// (`--heap-growing-percent`) collects earlier in proportion to the live set: it bounds the garbage,
// not the heap, so a real backlog whose live set is large still gets all the room it needs (a
// hard cap such as --max-old-space-size would end the process instead). Measured in
// docs/performance/memory-and-bench.md. The flag is read at every collection, so setting it at
// run time works; an operator's own setting (node flag or NODE_OPTIONS) is left alone.
import v8 from 'node:v8';

/** The workers' setting: the next full collection once the old generation is 1.5x what survived the last. */
export const WORKERS_HEAP_GROWING_PERCENT = 50;

const FLAG = /^--heap[-_]growing[-_]percent(=|$)/;

/** Whether the process was started with its own heap-growing setting. */
export function hasOwnHeapGrowing(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((f) => FLAG.test(f));
}

/** Sets the heap growing factor to 1 + percent/100 unless the process was given its own; returns whether it did. */
export function boundHeapGrowth(percent: number, started: { execArgv: readonly string[]; nodeOptions: string | undefined }): boolean {
  if (!Number.isInteger(percent) || percent < 1) throw new Error(`heap growing percent must be a whole number >= 1, not ${percent}`);
  if (hasOwnHeapGrowing(started.execArgv, started.nodeOptions)) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  return true;
}
