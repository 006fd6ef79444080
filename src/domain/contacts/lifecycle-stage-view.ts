// How a lifecycle stage is shown, with how many contacts are in it. Node-free (src/contract).
import type { LifecycleStage } from '../../db/model-types.ts';

export function toLifecycleStageView(s: LifecycleStage, contactCount: number) {
  return { id: s.id, name: s.name, position: s.position, contactCount };
}

export type LifecycleStageView = ReturnType<typeof toLifecycleStageView>;
