// Every agent of the viewer's workspace, by name: for assignment pickers and @mentions.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { agentViewInclude, toAgentView, type AgentView } from './agent-view.ts';

export async function listAgents(db: Db, viewer: Viewer): Promise<AgentView[]> {
  const agents = await db.agent.findMany({
    where: { workspaceId: viewer.workspaceId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: agentViewInclude,
  });
  return agents.map(toAgentView);
}
