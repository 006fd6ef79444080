// The workspace's teams with their members, for team views and team assignment; archived teams
// only when asked for (Admin → Teams), so pickers never offer them.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { teamViewInclude, toTeamView, type TeamView } from './team-view.ts';

export async function listTeams(db: Db, viewer: Viewer, opts: { includeArchived?: boolean } = {}): Promise<TeamView[]> {
  const teams = await db.team.findMany({
    where: { workspaceId: viewer.workspaceId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: teamViewInclude,
  });
  return teams.map(toTeamView);
}
