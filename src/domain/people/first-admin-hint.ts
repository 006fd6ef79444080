// What the log says on start while nobody can log in: how to make the first admin (the command,
// or the first-run screen while no workspace exists).
import type { Db } from '../../db/client.ts';

export async function firstAdminHint(db: Db, publicUrl: string): Promise<string | null> {
  if ((await db.agent.count({ where: { active: true } })) > 0) return null;
  const workspaces = await db.workspace.findMany({ select: { slug: true }, orderBy: { createdAt: 'asc' }, take: 1 });
  const command = 'npm run -s parley -- create-admin --email you@example.com --name "Your Name"';
  if (workspaces.length === 0) return `Nobody can log in yet: create the first admin with \`${command}\` (the password is read from stdin), or open ${publicUrl} to use the first-run screen`;
  return `Nobody can log in yet: create an admin with \`${command} --workspace ${workspaces[0]!.slug}\` (the password is read from stdin)`;
}
