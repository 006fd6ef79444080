// Builds the embeddable chat widget (web/widget) with Vite when web/dist-widget/widget.js is
// missing or older than its sources. Used by `npm start` (ensure-web-build.ts) and the widget's
// end-to-end test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appPath } from '../app-root.ts';

export const widgetDir = appPath('web', 'widget');
export const widgetBundle = appPath('web', 'dist-widget', 'widget.js');
const SOURCES = ['src', 'vite.config.ts'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs);
}

export type WidgetBuildState = 'fresh' | 'missing' | 'stale' | 'no-sources';

export function widgetBuildState(): WidgetBuildState {
  if (!existsSync(path.join(widgetDir, 'src'))) return 'no-sources';
  if (!existsSync(widgetBundle)) return 'missing';
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(widgetDir, s))));
  return sources > statSync(widgetBundle).mtimeMs ? 'stale' : 'fresh';
}

/** Builds when needed; throws when a needed build fails. */
export function ensureWidgetBuild(opts: { log?: (line: string) => void } = {}): { state: WidgetBuildState; built: boolean } {
  const log = opts.log ?? ((line: string) => console.log(line));
  const state = widgetBuildState();
  if (state === 'fresh' || state === 'no-sources') return { state, built: false };
  let vite: string;
  try {
    vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    log(`parley: the chat widget is ${state} but Vite is not installed (npm install without --omit=dev builds it)`);
    return { state, built: false };
  }
  log(`parley: building the chat widget (${state})`);
  const result = spawnSync(process.execPath, [vite, 'build', widgetDir, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building the chat widget failed (vite exited with ${result.status ?? result.signal})`);
  return { state, built: true };
}
