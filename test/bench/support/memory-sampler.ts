// Samples processes' memory during a scenario from their Prometheus endpoint (prom-client's default
// metrics: resident set, V8 heap used and total, external memory), so a peak can be told apart:
// heap (objects, garbage between collections), external (Buffers, ArrayBuffers) or neither
// (native: node itself, compiled code, WebAssembly). The bench's peak RSS (VmHWM) says how much;
// this says what. The largest sample per figure over every process and sample is kept.

export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  /** The old generation's used bytes: where garbage that survived the young generation waits for a full collection. */
  oldUsedMb: number;
  /** The young generation's used bytes. */
  newUsedMb: number;
}

/** Each figure: the metric's name (after any prefix such as `parley_`) and, for a heap space, its `space` label. */
const metricOf: Record<keyof MemorySample, { name: string; space?: string }> = {
  rssMb: { name: 'process_resident_memory_bytes' },
  heapUsedMb: { name: 'nodejs_heap_size_used_bytes' },
  heapTotalMb: { name: 'nodejs_heap_size_total_bytes' },
  externalMb: { name: 'nodejs_external_memory_bytes' },
  oldUsedMb: { name: 'nodejs_heap_space_size_used_bytes', space: 'old' },
  newUsedMb: { name: 'nodejs_heap_space_size_used_bytes', space: 'new' },
};

const keys = Object.keys(metricOf) as (keyof MemorySample)[];

// `name{label="value",...} 123` (the labels are optional; prom-client adds the registry's default ones).
const SAMPLE_LINE = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/;

/** The memory figures of one Prometheus text exposition, in MB; a figure it lacks is NaN. */
export function parseMemoryMetrics(text: string): MemorySample {
  const out = Object.fromEntries(keys.map((k) => [k, Number.NaN])) as unknown as MemorySample;
  for (const line of text.split('\n')) {
    const m = SAMPLE_LINE.exec(line);
    if (!m) continue;
    const [, name, labels = '', value] = m;
    const space = /(?:^|,)space="([^"]*)"/.exec(labels)?.[1];
    for (const k of keys) {
      const want = metricOf[k];
      if (name!.endsWith(want.name) && space === want.space) out[k] = Number(value) / 2 ** 20;
    }
  }
  return out;
}

/** Per figure, the largest over the samples (NaN only if no sample had it). */
export function peakOf(samples: readonly MemorySample[]): MemorySample {
  const peak = (k: keyof MemorySample) => {
    const values = samples.map((s) => s[k]).filter(Number.isFinite);
    return values.length > 0 ? Math.max(...values) : Number.NaN;
  };
  return Object.fromEntries(keys.map((k) => [k, peak(k)])) as unknown as MemorySample;
}

/**
 * Reads each URL (a process's /metrics) every `everyMs` until stopped; `stop()` gives the peaks.
 * A failed read (a process busy past the timeout) is skipped, not fatal: the figure is a peak.
 */
export function sampleMemory(urls: readonly string[], everyMs = 1_000): { stop(): Promise<MemorySample & { samples: number }> } {
  const samples: MemorySample[] = [];
  let stopped = false;
  const readAll = () =>
    Promise.all(
      urls.map(async (url) => {
        const res = await fetch(url, { signal: AbortSignal.timeout(everyMs * 2) }).catch(() => null);
        if (res?.ok) samples.push(parseMemoryMetrics(await res.text()));
      }),
    );
  const loop = (async () => {
    while (!stopped) {
      await readAll();
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  let result: Promise<MemorySample & { samples: number }> | undefined;
  return {
    // Stopping twice gives the same answer (a `finally` may stop it before the caller reads it).
    stop: () =>
      (result ??= (async () => {
        stopped = true;
        await loop;
        return { ...peakOf(samples), samples: samples.length };
      })()),
  };
}
