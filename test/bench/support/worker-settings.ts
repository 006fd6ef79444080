// `--workers 1,2`: the ingest scenarios run once per worker-process count, and their figures go
// into one object. The first setting keeps the plain names (`ingest.*`, `ingestSmtp.*`, `rssMb.*`),
// so a run with one setting reads as before; each further setting N nests the same figures under
// `wN` (`w2.ingest.endToEndPerSecond`, `w2.rssMb.workers`), and `scaling` holds each further
// setting's rates over the first one's (`scaling.ingest_endToEnd_w2` = w2's / the first's).
import type { Figures } from './stats.ts';

export interface WorkerSetting {
  workers: number;
  figures: Figures;
}

const rates = { acceptedPerSecond: 'accepted', endToEndPerSecond: 'endToEnd' } as const;

export function mergeWorkerSettings(settings: readonly WorkerSetting[]): Figures {
  const [first, ...rest] = settings;
  if (!first) return {};
  const merged: Figures = { ...first.figures };
  const scaling: Figures = {};
  for (const s of rest) {
    merged[`w${s.workers}`] = s.figures;
    for (const [group, base] of Object.entries(first.figures)) {
      const other = s.figures[group];
      if (typeof base !== 'object' || typeof other !== 'object') continue;
      for (const [rate, short] of Object.entries(rates)) {
        const a = base[rate];
        const b = other[rate];
        if (typeof a === 'number' && typeof b === 'number') scaling[`${group}_${short}_w${s.workers}`] = a > 0 ? b / a : Number.NaN;
      }
    }
  }
  if (Object.keys(scaling).length > 0) merged.scaling = scaling;
  return merged;
}
