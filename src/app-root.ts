// Parley's installation folder (the one holding package.json), so files shipped beside the code —
// web/dist, web/dist-widget, prisma/migrations — are found alike from src/ (tsx) and dist/src/ (node).
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `from` that has a package.json. */
export function findAppRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json at or above ${from}: Parley's files (web/dist, prisma/migrations) cannot be found`);
  }
}

export const appRoot = findAppRoot(import.meta.dirname);

/** A path inside the installation folder, e.g. `appPath('prisma', 'migrations')`. */
export function appPath(...parts: string[]): string {
  return path.join(appRoot, ...parts);
}
