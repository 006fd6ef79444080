// Vitest global setup for the end-to-end suite: builds the web UI once per run unless web/dist is
// already newer than its sources.
import { ensureWebBuild } from '../../src/cli/web-build.ts';

export default function setup(): void {
  const { state, built } = ensureWebBuild({ log: (line) => console.log(line) });
  if (state === 'no-sources') throw new Error('web/src is missing: the end-to-end tests need the web UI');
  if (!built && state !== 'fresh') throw new Error(`the web UI is ${state} and could not be built (is Vite installed?)`);
}
