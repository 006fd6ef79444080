// The routing workflow as supervisors read it in the admin UI (the default one until an admin saves one).
import type { Db } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { loadWorkflow } from './load-workflow.ts';
import type { RoutingWorkflowView } from './workflow-view.ts';

export async function getRoutingWorkflow(db: Db, viewer: Viewer): Promise<RoutingWorkflowView> {
  requireSupervisor(viewer, 'read the routing workflow');
  const { workflow, version } = await loadWorkflow(db, viewer.workspaceId);
  return { definition: workflow, version };
}
