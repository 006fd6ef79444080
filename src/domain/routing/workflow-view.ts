// The routing workflow as the admin UI reads it: the definition with every default filled in.
// Node-free (src/contract).
import type { Workflow } from './workflow-schema.ts';

export interface RoutingWorkflowView {
  definition: Workflow;
  /** 0 until an admin saves one (the default workflow). */
  version: number;
}
