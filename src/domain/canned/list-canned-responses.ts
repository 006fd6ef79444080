// The workspace's canned responses, by shortcut: every agent reads them in the reply box.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { toCannedResponseView, type CannedResponseView } from './canned-response-view.ts';

export async function listCannedResponses(db: Db, viewer: Viewer): Promise<CannedResponseView[]> {
  const rows = await db.cannedResponse.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { shortcut: 'asc' } });
  return rows.map(toCannedResponseView);
}
