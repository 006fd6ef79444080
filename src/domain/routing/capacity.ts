// What a conversation costs an agent's capacity budget, per channel kind: each adapter's default
// weight, overridden per workspace.
import { z } from 'zod';
import { perChannelKind, type ChannelKind } from '../../../channels/registry.ts';

/** The cost of a conversation per channel kind, in hundredths of an agent's budget. */
export type CapacityWeights = Record<ChannelKind, number>;

export const defaultCapacityWeights: CapacityWeights = perChannelKind((a) => a.capacityWeight);

const weightsSchema = z.record(z.string(), z.number().int().min(0).max(1000));

export function capacityWeights(raw: unknown): CapacityWeights {
  const parsed = weightsSchema.safeParse(raw ?? {});
  return { ...defaultCapacityWeights, ...(parsed.success ? parsed.data : {}) };
}

/** A kind the registry no longer lists costs a whole budget: never more work than an agent can take. */
export function costOf(kind: string, weights: CapacityWeights): number {
  return (weights as Record<string, number>)[kind] ?? 100;
}
