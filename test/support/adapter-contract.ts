// The contract every channel adapter keeps, as one suite adapters run with their own fixtures:
// normalize is deterministic and pure over data, externalIds are stable and non-empty, and a
// request that fails verification says why.
import { describe, expect, it } from 'vitest';
import type { ChannelAdapter, ChannelConfig, VerifyInput } from '../../channels/types.ts';

export interface ContractInput {
  adapter: ChannelAdapter;
  channel: ChannelConfig;
  fixtures: { name: string; raw: unknown }[];
  /** Channels that verify requests: one that passes and tampered ones that must not. */
  verify?: { valid: VerifyInput; tampered: { name: string; input: VerifyInput }[] };
}

export function runAdapterContract(input: ContractInput): void {
  const { adapter, channel } = input;
  describe(`${adapter.kind} adapter contract`, () => {
    it('normalises every fixture to the same result twice, for its own kind, with a non-empty externalId', async () => {
      for (const f of input.fixtures) {
        const a = await adapter.normalize(structuredClone(f.raw), channel);
        const b = await adapter.normalize(structuredClone(f.raw), channel);
        expect(a, f.name).toEqual(b);
        expect(a.channel, f.name).toBe(adapter.kind);
        expect(a.externalId.length, f.name).toBeGreaterThan(0);
        expect(a.from.address.length, f.name).toBeGreaterThan(0);
      }
    });

    it('gives distinct items distinct externalIds', async () => {
      const ids = await Promise.all(input.fixtures.map(async (f) => (await adapter.normalize(structuredClone(f.raw), channel)).externalId));
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('never mutates the payload it reads', async () => {
      for (const f of input.fixtures) {
        const copy = structuredClone(f.raw);
        await adapter.normalize(copy, channel);
        expect(copy, f.name).toEqual(f.raw);
      }
    });

    if (input.verify) {
      const verify = input.verify;
      it('verifies a genuine request and refuses tampered ones with a reason', () => {
        expect(adapter.verify?.(verify.valid, channel)).toEqual({ ok: true });
        for (const t of verify.tampered) {
          const verdict = adapter.verify?.(t.input, channel);
          expect(verdict?.ok, t.name).toBe(false);
          expect(verdict && !verdict.ok ? verdict.reason : '', t.name).not.toBe('');
        }
      });
    } else {
      it('has no provider signature to verify (requests are authenticated elsewhere)', () => {
        expect(adapter.verify).toBeUndefined();
      });
    }
  });
}
