// What saving an SLA policy, calendar or status would do to conversations already under way, as
// the admin UI shows it before the save ("12 open conversations get new due times"). Node-free
// (src/contract).
import type { SlaMetric } from '../../db/model-types.ts';

export interface SlaImpactExample {
  conversationId: string;
  number: number;
  metric: SlaMetric;
  /** The due time now and after the change (null: paused, or no promise any more). */
  dueAt: Date | null;
  newDueAt: Date | null;
  cancelled: boolean;
}

export interface SlaImpact {
  /** Open conversations at least one of whose SLA due times (or targets) would change. */
  conversations: number;
  clocks: number;
  examples: SlaImpactExample[];
}
