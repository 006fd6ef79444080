// How the benchmark starts Parley's processes. `production` (the default) is what users run: the
// server compiled by `npm run build:server` and started as `node dist/src/main.js api|workers`
// (the Dockerfile's command); `tsx` runs the TypeScript sources through tsx's loader, as the test
// suites do, which costs its own compile time and memory and so is not what production measures.
export const processModes = ['production', 'tsx'] as const;
export type ProcessMode = (typeof processModes)[number];

/** The node arguments that start one process kind in a mode, after any of the bench's own node flags. */
export function nodeArgsFor(mode: ProcessMode, kind: 'api' | 'workers', nodeFlags: readonly string[] = []): string[] {
  const entry = mode === 'production' ? ['dist/src/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  return [...nodeFlags, ...entry, kind];
}

/** How the mode reads in the table's header. */
export function describeMode(mode: ProcessMode): string {
  return mode === 'production' ? 'production (node dist/src/main.js, built by npm run build:server)' : 'tsx (node --import tsx src/main.ts)';
}

/** Production mode compiles the server first (once per invocation), so dist/ is the code of this checkout. */
export async function buildForMode(mode: ProcessMode, root: string): Promise<void> {
  if (mode !== 'production') return;
  const { runCommand } = await import('../../support/child-process.ts');
  const build = await runCommand('npm', ['run', '-s', 'build:server'], { cwd: root });
  if (build.code !== 0) throw new Error(`npm run build:server failed (${build.code}):\n${build.output}`);
}
