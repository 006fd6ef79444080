// Surveys of the workspace for supervisors and reports, newest first, filtered by when they were
// sent, agent, team, channel kind and status; a page at a time (cursor: the last id seen).
import type { Db, Prisma } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';
import { toCsatSurveyView, type CsatStatus, type CsatSurveyView } from './csat-view.ts';

export interface ListCsatSurveysInput {
  from?: Date;
  to?: Date;
  agentId?: string;
  teamId?: string;
  channelKind?: string;
  status?: CsatStatus;
  cursor?: string;
  limit: number;
}

export async function listCsatSurveys(db: Db, viewer: Viewer, q: ListCsatSurveysInput): Promise<{ items: CsatSurveyView[]; nextCursor: string | null }> {
  requireSupervisor(viewer, 'see satisfaction surveys');
  await assertRefsInWorkspace(db, viewer.workspaceId, [...refOf('agent', 'agentId', q.agentId), ...refOf('team', 'teamId', q.teamId)], 'query');
  const where: Prisma.CsatSurveyWhereInput = {
    workspaceId: viewer.workspaceId,
    ...(q.from || q.to ? { sentAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
    ...(q.agentId ? { agentId: q.agentId } : {}),
    ...(q.teamId ? { teamId: q.teamId } : {}),
    ...(q.channelKind ? { channelKind: q.channelKind } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.cursor ? { id: { lt: q.cursor } } : {}),
  };
  // Ids are uuid v7 (time-ordered): newest first by id, and the cursor is the last id seen.
  const rows = await db.csatSurvey.findMany({ where, orderBy: { id: 'desc' }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return { items: page.map(toCsatSurveyView), nextCursor: rows.length > q.limit ? page.at(-1)!.id : null };
}
