// What a conversation costs an agent's capacity budget, per channel kind (per-workspace weights).
import { z } from 'zod';
import type { ChannelKind } from '../../../channels/types.ts';

export const defaultCapacityWeights: Record<ChannelKind, number> = {
  voice: 100,
  webchat: 25,
  whatsapp: 20,
  telegram: 20,
  sms: 15,
  email: 10,
};

const weightsSchema = z.record(z.string(), z.number().int().min(0).max(1000));

export function capacityWeights(raw: unknown): Record<ChannelKind, number> {
  const parsed = weightsSchema.safeParse(raw ?? {});
  return { ...defaultCapacityWeights, ...(parsed.success ? parsed.data : {}) };
}

export function costOf(kind: ChannelKind, weights: Record<ChannelKind, number>): number {
  return weights[kind];
}
