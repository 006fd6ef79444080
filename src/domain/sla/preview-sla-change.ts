// "12 open conversations get new due times": what saving a policy or a calendar would do to the
// clocks under way, computed like the save computes it, without writing anything.
import type { Db } from '../../db/client.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { loadSlaState, planEdit, toProposedPolicy } from './plan-config-change.ts';
import { parseCalendarInput } from './save-business-calendar.ts';
import { parsePolicyInput } from './save-sla-policy.ts';
import type { SlaImpact } from './sla-impact-view.ts';

export async function previewPolicyChange(db: Db, viewer: Viewer, input: { body: unknown; id: string | null; now: Date }): Promise<SlaImpact> {
  requireAdmin(viewer, 'change SLA policies');
  const policy = await parsePolicyInput(db, viewer, input.body, input.id);
  const state = await loadSlaState(db, viewer.workspaceId);
  return planEdit(state, { policy: toProposedPolicy(input.id, policy) }, input.now).impact;
}

export async function previewCalendarChange(db: Db, viewer: Viewer, input: { body: unknown; id: string; now: Date }): Promise<SlaImpact> {
  requireAdmin(viewer, 'change calendars');
  const calendar = await parseCalendarInput(db, viewer, input.body, input.id);
  const state = await loadSlaState(db, viewer.workspaceId);
  return planEdit(state, { calendar: { id: input.id, definition: calendar } }, input.now).impact;
}
