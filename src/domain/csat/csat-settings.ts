// A workspace's survey settings, read and changed by admins. A workspace that never saved them
// sends no surveys. Only kinds whose adapter declares a survey style may be chosen.
import { channelKinds } from '../../../channels/kinds.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { validationFailed } from '../parse-input.ts';
import { DEFAULT_CSAT_SETTINGS, type CsatSettingsInput } from './csat-schema.ts';
import type { CsatSettingsView } from './csat-view.ts';

export async function loadCsatSettings(db: Db | Tx, workspaceId: string): Promise<CsatSettingsInput> {
  const row = await db.csatSettings.findUnique({ where: { workspaceId } });
  if (!row) return { ...DEFAULT_CSAT_SETTINGS };
  const { workspaceId: _w, updatedAt: _u, ...settings } = row;
  return settings;
}

/** The kinds that can carry a survey, as the settings page offers them. */
export function surveyKinds(adapterFor: Deps['adapterFor']): CsatSettingsView['kinds'] {
  return channelKinds.flatMap((kind) => {
    const adapter = adapterFor(kind);
    return adapter.survey ? [{ kind, label: adapter.shortLabel, style: adapter.survey }] : [];
  });
}

export async function getCsatSettings(deps: Pick<Deps, 'db' | 'adapterFor'>, viewer: Viewer): Promise<CsatSettingsView> {
  requireAdmin(viewer, 'see the survey settings');
  return { settings: await loadCsatSettings(deps.db, viewer.workspaceId), kinds: surveyKinds(deps.adapterFor) };
}

export async function saveCsatSettings(deps: Pick<Deps, 'db' | 'adapterFor'>, viewer: Viewer, input: CsatSettingsInput): Promise<CsatSettingsView> {
  requireAdmin(viewer, 'change the survey settings');
  const kinds = surveyKinds(deps.adapterFor);
  const problems = input.channelKinds.flatMap((kind, i) => (kinds.some((k) => k.kind === kind) ? [] : [{ path: `channelKinds.${i}`, message: `${kind} channels cannot carry a survey` }]));
  if (problems.length) throw validationFailed(problems, 'survey settings');
  const settings = { ...input, channelKinds: [...new Set(input.channelKinds)] };
  const before = await loadCsatSettings(deps.db, viewer.workspaceId);
  await deps.db.$transaction(async (tx) => {
    await tx.csatSettings.upsert({ where: { workspaceId: viewer.workspaceId }, create: { workspaceId: viewer.workspaceId, ...settings }, update: settings });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'csat.settings', targetType: 'workspace', targetId: viewer.workspaceId, data: { from: before, to: settings } });
  });
  return { settings, kinds };
}
