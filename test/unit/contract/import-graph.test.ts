// The web app and the widget type-check against src/contract and channels/webchat/protocol.ts
// without node types: everything those modules reach must stay node-free. A view that imports the
// Prisma client, deps or an adapter would fail the web type check, or worse pass it by dragging
// @types/node in through a package's declarations; this walk names the import instead.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
/** Packages the contract may reach: zod's types (the schemas). */
const allowedPackages = new Set(['zod']);
/** Prisma's generated code is reached only through its browser entry, whose types are node-free. */
const generatedEntry = 'src/generated/prisma/browser.ts';

function importsOf(file: string): string[] {
  const source = readFileSync(resolve(root, file), 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[1]!);
}

function reach(entry: string): { files: string[]; bad: string[] } {
  const files = new Set<string>();
  const bad: string[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (file.startsWith('src/generated/')) {
      if (file !== generatedEntry) bad.push(`${file} (only ${generatedEntry} of the generated client)`);
      return;
    }
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) visit(relative(root, resolve(root, dirname(file), spec)));
      else if (!allowedPackages.has(spec)) bad.push(`${file} imports ${spec}`);
    }
  };
  visit(entry);
  return { files: [...files], bad };
}

describe('what the browser type checks load', () => {
  it('the contract reaches views, schemas and Prisma browser types only, nothing of node', () => {
    const { files, bad } = reach('src/contract/index.ts');
    expect(bad).toEqual([]);
    expect(files).toContain('src/domain/conversations/conversation-view.ts');
    expect(files).not.toContain('src/db/client.ts');
  });

  it("the widget's protocol reaches only the webchat schema", () => {
    const { files, bad } = reach('channels/webchat/protocol.ts');
    expect(bad).toEqual([]);
    expect(files.sort()).toEqual(['channels/webchat/protocol.ts', 'channels/webchat/schema.ts']);
  });
});
