// The workspace's report settings: traffic-light thresholds and what counts as a complaint (tags,
// SLA policies). Supervisors read them with the report; admins change them, audited.
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { assertRefsInWorkspace } from '../workspace-refs.ts';
import type { ReportSettingsView } from './report-settings-view.ts';
import { mergeThresholds, type ThresholdsInput } from './thresholds.ts';

export interface ReportSettingsInput {
  thresholds?: ThresholdsInput;
  complaintTags?: string[];
  complaintPolicyIds?: string[];
}

export const DEFAULT_COMPLAINT_TAGS = ['complaint'];

export async function loadReportSettings(db: Db, workspaceId: string): Promise<ReportSettingsView> {
  const [row, ws] = await Promise.all([db.reportSettings.findUnique({ where: { workspaceId } }), db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } })]);
  return {
    timeZone: ws.timeZone,
    thresholds: mergeThresholds(row?.thresholds ?? {}),
    complaintTags: row?.complaintTags ?? DEFAULT_COMPLAINT_TAGS,
    complaintPolicyIds: row?.complaintPolicyIds ?? [],
  };
}

export async function getReportSettings(db: Db, viewer: Viewer): Promise<ReportSettingsView> {
  requireSupervisor(viewer, 'read reports');
  return loadReportSettings(db, viewer.workspaceId);
}

/** Thresholds given replace those figures' bounds; the others keep theirs. */
export async function saveReportSettings(db: Db, viewer: Viewer, input: ReportSettingsInput): Promise<ReportSettingsView> {
  requireAdmin(viewer, 'change report settings');
  const policyIds = input.complaintPolicyIds ?? [];
  await assertRefsInWorkspace(db, viewer.workspaceId, policyIds.map((id, i) => ({ kind: 'policy' as const, path: `complaintPolicyIds.${i}`, id })));
  const current = await loadReportSettings(db, viewer.workspaceId);
  const data = {
    thresholds: { ...current.thresholds, ...input.thresholds } as Record<string, object>,
    complaintTags: input.complaintTags ?? current.complaintTags,
    complaintPolicyIds: input.complaintPolicyIds ?? current.complaintPolicyIds,
  };
  await db.$transaction(async (tx) => {
    await tx.reportSettings.upsert({ where: { workspaceId: viewer.workspaceId }, create: { workspaceId: viewer.workspaceId, ...data }, update: data });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'report_settings.update', targetType: 'workspace', targetId: viewer.workspaceId, data: { fields: Object.keys(input) } });
  });
  return loadReportSettings(db, viewer.workspaceId);
}
