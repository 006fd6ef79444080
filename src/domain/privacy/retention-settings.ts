// How long a workspace keeps data it no longer needs (days), read and changed by admins. A
// workspace that never saved settings uses the defaults; resolved conversations keep their
// content unless the admin sets a number of days.
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { DEFAULT_RETENTION, type RetentionSettingsInput } from './retention-schema.ts';

export { DEFAULT_RETENTION, retentionSettingsSchema, type RetentionSettingsInput } from './retention-schema.ts';

export async function loadRetentionSettings(db: Db, workspaceId: string): Promise<RetentionSettingsInput> {
  const row = await db.retentionSettings.findUnique({ where: { workspaceId } });
  if (!row) return { ...DEFAULT_RETENTION };
  const { workspaceId: _w, updatedAt: _u, ...settings } = row;
  return settings;
}

export async function getRetentionSettings(db: Db, viewer: Viewer): Promise<RetentionSettingsInput> {
  requireAdmin(viewer, 'see the retention settings');
  return loadRetentionSettings(db, viewer.workspaceId);
}

export async function saveRetentionSettings(deps: Pick<Deps, 'db'>, viewer: Viewer, input: RetentionSettingsInput): Promise<RetentionSettingsInput> {
  requireAdmin(viewer, 'change the retention settings');
  const before = await loadRetentionSettings(deps.db, viewer.workspaceId);
  await deps.db.$transaction(async (tx) => {
    await tx.retentionSettings.upsert({ where: { workspaceId: viewer.workspaceId }, create: { workspaceId: viewer.workspaceId, ...input }, update: input });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'retention.update', targetType: 'workspace', targetId: viewer.workspaceId, data: { from: before, to: input } });
  });
  return input;
}
