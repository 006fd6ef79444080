// A workspace always keeps someone who can administer it: the last active admin cannot be
// demoted or deactivated (another admin has to be made first).
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

export async function assertAnotherAdmin(db: Db | Tx, input: { workspaceId: string; agentId: string; change: string }): Promise<void> {
  const others = await db.agent.count({ where: { workspaceId: input.workspaceId, role: 'admin', active: true, id: { not: input.agentId } } });
  if (others === 0) throw new AppError('conflict', `Cannot ${input.change}: they are the workspace's only admin; make someone else an admin first`);
}
