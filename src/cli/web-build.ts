// Builds the agent inbox (web/) with Vite when web/dist is missing or older than its sources.
// Used by `npm start` (through ensure-web-build.ts) and by the end-to-end tests' setup.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appPath } from '../app-root.ts';

export const webDir = appPath('web');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'public'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

export type WebBuildState = 'fresh' | 'missing' | 'stale' | 'no-sources';

export function webBuildState(dir = webDir): WebBuildState {
  if (!existsSync(path.join(dir, 'src'))) return 'no-sources';
  const built = path.join(dir, 'dist', 'index.html');
  if (!existsSync(built)) return 'missing';
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(dir, s))));
  return sources > statSync(built).mtimeMs ? 'stale' : 'fresh';
}

function viteCli(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    return null;
  }
}

/** Builds when needed; returns what it found and whether it built. Throws when a needed build fails. */
export function ensureWebBuild(opts: { dir?: string; log?: (line: string) => void } = {}): { state: WebBuildState; built: boolean } {
  const dir = opts.dir ?? webDir;
  const log = opts.log ?? ((line: string) => console.log(line));
  const state = webBuildState(dir);
  if (state === 'fresh' || state === 'no-sources') return { state, built: false };
  const vite = viteCli();
  if (!vite) {
    log(`parley: the web UI is ${state} but Vite is not installed (npm install without --omit=dev builds it)`);
    return { state, built: false };
  }
  log(`parley: building the web UI (${state})`);
  const result = spawnSync(process.execPath, [vite, 'build', dir, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building the web UI failed (vite exited with ${result.status ?? result.signal})`);
  return { state, built: true };
}
