// Every id a request names must belong to the caller's workspace: these check teams and agents in
// one query each and fail with 422 naming the field (`teamIds.1: no such team in this workspace`).
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

interface RefCheck {
  workspaceId: string;
  /** The request's field: `teamIds` (a list: the error names the index) or `leadAgentId` (one id: `single`). */
  field: string;
  ids: readonly string[];
  single?: boolean;
}

function firstMissing(input: RefCheck, found: Set<string>, what: string): void {
  const index = input.ids.findIndex((id) => !found.has(id));
  if (index < 0) return;
  const path = input.single ? input.field : `${input.field}.${index}`;
  throw new AppError('validation_failed', `${path}: no such ${what} in this workspace`, { details: [{ path, message: `no such ${what} in this workspace` }] });
}

/** Teams of the workspace; archived ones only when `allowArchived` (a team being archived keeps its members). */
export async function assertTeamsInWorkspace(db: Db | Tx, input: RefCheck & { allowArchived?: boolean }): Promise<void> {
  if (input.ids.length === 0) return;
  const rows = await db.team.findMany({
    where: { id: { in: [...input.ids] }, workspaceId: input.workspaceId, ...(input.allowArchived ? {} : { archivedAt: null }) },
    select: { id: true },
  });
  firstMissing(input, new Set(rows.map((r) => r.id)), input.allowArchived ? 'team' : 'active team');
}

/** Agents of the workspace; `activeOnly` refuses deactivated and invited people too. */
export async function assertAgentsInWorkspace(db: Db | Tx, input: RefCheck & { activeOnly?: boolean }): Promise<void> {
  if (input.ids.length === 0) return;
  const rows = await db.agent.findMany({
    where: { id: { in: [...input.ids] }, workspaceId: input.workspaceId, ...(input.activeOnly ? { active: true } : {}) },
    select: { id: true },
  });
  firstMissing(input, new Set(rows.map((r) => r.id)), input.activeOnly ? 'active agent' : 'agent');
}
