// Making an admin without logging in (the `create-admin` command and the first-run screen): the
// first workspace with its first admin on an empty database, or one more admin in a workspace
// named by its slug. An email may have one login in all of Parley.
import { Prisma, type Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { insertWorkspace } from '../../seed/create-workspace.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { PasswordHasher } from '../auth/password.ts';
import { emailTaken } from './invite-person.ts';

export interface AdminInput {
  email: string;
  name: string;
  password: string;
}

// One first workspace even when two first runs race (any constant; Parley takes no other advisory lock of this number).
const FIRST_WORKSPACE_LOCK = 7_120_120_001;

export const slugFor = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '') || 'workspace';

/** The workspaces' slugs, oldest first (what --workspace takes). */
export async function workspaceSlugs(db: Db): Promise<string[]> {
  return (await db.workspace.findMany({ select: { slug: true }, orderBy: { createdAt: 'asc' }, take: 20 })).map((w) => w.slug);
}

async function assertEmailFree(db: Db, email: string): Promise<void> {
  if (await db.agent.findUnique({ where: { email }, select: { id: true } })) throw emailTaken(email);
}

/** The first workspace and its admin; refused (409) once any workspace exists. */
export async function createFirstWorkspace(deps: { db: Db; passwords: PasswordHasher }, input: AdminInput & { workspaceName: string }) {
  const { db } = deps;
  await assertEmailFree(db, input.email);
  const hash = await deps.passwords.hash(input.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_WORKSPACE_LOCK}::bigint)`;
    if ((await tx.workspace.count()) > 0) throw new AppError('conflict', 'Parley is set up already: log in, or ask an admin to invite you');
    const spec = { name: input.workspaceName, slug: slugFor(input.workspaceName), agents: [{ email: input.email, name: input.name, role: 'admin' as const, password: '' }], channels: [] };
    const { workspace, agents } = await insertWorkspace(tx, spec, [hash]);
    const admin = agents[0]!;
    await recordAudit(tx, { workspaceId: workspace.id, actorAgentId: admin.id, action: 'workspace.create', targetType: 'workspace', targetId: workspace.id, data: { name: workspace.name, slug: workspace.slug, adminId: admin.id } });
    return { workspace, admin };
  });
}

/** One more admin in an existing workspace (the command line: whoever runs it has the server). */
export async function createWorkspaceAdmin(deps: { db: Db; passwords: PasswordHasher }, input: AdminInput & { slug: string }) {
  const { db } = deps;
  const workspace = await db.workspace.findUnique({ where: { slug: input.slug } });
  if (!workspace) {
    const slugs = await workspaceSlugs(db);
    throw new AppError('not_found', `no workspace with the slug '${input.slug}'${slugs.length ? ` (there are: ${slugs.join(', ')})` : ' (the database has none: leave out --workspace to create one)'}`);
  }
  await assertEmailFree(db, input.email);
  const passwordHash = await deps.passwords.hash(input.password);
  return db
    .$transaction(async (tx) => {
      const admin = await tx.agent.create({ data: { workspaceId: workspace.id, email: input.email, name: input.name, role: 'admin', passwordHash } });
      await recordAudit(tx, { workspaceId: workspace.id, actorAgentId: null, action: 'agent.create_admin', targetType: 'agent', targetId: admin.id, data: { email: input.email, via: 'command line' } });
      return { workspace, admin };
    })
    .catch((err: unknown) => {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw emailTaken(input.email, err);
      throw err;
    });
}
