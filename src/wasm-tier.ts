// Prisma 7's query compiler is a WebAssembly module, compiled by V8 in two tiers: baseline
// (Liftoff) code for every function, then optimised (TurboFan) code for the hot ones, both kept.
// The second tier costs ~45-50 MB of resident memory per process for ~4% less CPU per Prisma query
// (measured: docs/performance/memory-and-bench.md), and the hot paths leave Prisma for plain SQL
// anyway, so every process keeps the baseline tier only. It must be set before the first query
// compiles the module; main.ts calls it first thing.
import v8 from 'node:v8';

export function keepWasmBaselineTierOnly(): void {
  v8.setFlagsFromString('--liftoff-only');
}
