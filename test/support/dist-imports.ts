// Lists what the compiled server (dist/) imports, so a test can check it runs on the production
// dependencies alone: every relative import is a .js file that exists, every package a dependency.
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';

export interface ImportProblem {
  file: string;
  specifier: string;
  problem: string;
}

// Static `import … from '…'`, `export … from '…'`, bare `import '…'` and `import('…')` with a literal.
const IMPORT = /(?:^|[\s;}])(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?\(?\s*['"]([^'"]+)['"]/g;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(p);
    return e.name.endsWith('.js') ? [p] : [];
  });
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Import specifiers in code, skipping comment lines (the generated client's docs quote imports). */
export function importsOf(source: string): string[] {
  const code = source
    .split('\n')
    .filter((line) => !/^\s*(?:\/\/|\/?\*)/.test(line))
    .join('\n');
  return [...code.matchAll(IMPORT)].map((m) => m[1] ?? '');
}

export function checkDistImports(distDir: string, dependencies: readonly string[]): { files: number; packages: Set<string>; problems: ImportProblem[] } {
  const files = jsFiles(distDir);
  const packages = new Set<string>();
  const problems: ImportProblem[] = [];
  const allowed = new Set(dependencies);
  for (const file of files) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const rel = path.relative(distDir, file);
      if (specifier.startsWith('.')) {
        if (!specifier.endsWith('.js')) problems.push({ file: rel, specifier, problem: 'relative import not rewritten to .js' });
        else if (!files.includes(path.resolve(path.dirname(file), specifier))) problems.push({ file: rel, specifier, problem: 'no such file in dist' });
        continue;
      }
      if (isBuiltin(specifier)) continue;
      const pkg = packageOf(specifier);
      packages.add(pkg);
      if (!allowed.has(pkg)) problems.push({ file: rel, specifier, problem: `${pkg} is not a production dependency` });
    }
  }
  return { files: files.length, packages, problems };
}
