import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appPath, appRoot, findAppRoot } from '../../src/app-root.ts';

describe('findAppRoot', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  it('finds the installation folder from the sources', () => {
    expect(appRoot).toBe(path.resolve(import.meta.dirname, '../..'));
    expect(appPath('prisma', 'migrations')).toBe(path.join(appRoot, 'prisma', 'migrations'));
  });

  it('walks up from a compiled module in dist/ to the folder with package.json', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-root-'));
    made.push(dir);
    await writeFile(path.join(dir, 'package.json'), '{}');
    await mkdir(path.join(dir, 'dist', 'src', 'db'), { recursive: true });
    expect(findAppRoot(path.join(dir, 'dist', 'src', 'db'))).toBe(dir);
  });

  it('says so when no folder above has a package.json', () => {
    expect(() => findAppRoot(path.parse(tmpdir()).root)).toThrow(/no package.json/);
  });
});
