// The workspace's teams with their members, for team views and team assignment.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { teamViewInclude, toTeamView, type TeamView } from './team-view.ts';

export async function listTeams(db: Db, viewer: Viewer): Promise<TeamView[]> {
  const teams = await db.team.findMany({
    where: { workspaceId: viewer.workspaceId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: teamViewInclude,
  });
  return teams.map(toTeamView);
}
