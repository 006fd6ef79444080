// Every channel kind runs the adapter contract (test/support/adapter-contract.ts): a kind added to
// the registry without test/unit/channels/<kind>/contract.test.ts calling runAdapterContract fails here.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelKinds } from '../../../channels/registry.ts';

const contractTest = (kind: string) => new URL(`./${kind}/contract.test.ts`, import.meta.url);

/** The calls of runAdapterContract in a source, comments left out. */
const contractCalls = (source: string) => source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').match(/\brunAdapterContract\s*\(/g) ?? [];

describe('the adapter contract suite', () => {
  it.each(channelKinds)('runs for the %s adapter', (kind) => {
    const file = contractTest(kind);
    expect(existsSync(file), `test/unit/channels/${kind}/contract.test.ts is missing: every adapter runs runAdapterContract`).toBe(true);
    expect(contractCalls(readFileSync(file, 'utf8')), `test/unit/channels/${kind}/contract.test.ts does not call runAdapterContract`).not.toEqual([]);
  });

  it('tells a call from a mention in a comment', () => {
    expect(contractCalls('// runAdapterContract({ ... }) is skipped for now')).toEqual([]);
    expect(contractCalls('runAdapterContract({ adapter })')).toHaveLength(1);
  });
});
