// The workspace's channels as agents may see them (for filters and icons): never their settings,
// which hold provider credentials.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../conversations/visibility.ts';

export async function listChannels(db: Db, viewer: Viewer) {
  return db.channel.findMany({
    where: { workspaceId: viewer.workspaceId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, name: true, address: true, active: true },
  });
}
