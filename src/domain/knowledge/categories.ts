// Knowledge base categories: every agent reads them; supervisors and admins add and rename them.
// Audited; a name whose slug the workspace has already is a clear conflict.
import { Prisma, type Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { toCategoryView, type CategoryView } from './article-view.ts';
import { slugify } from './search-text.ts';

export interface CategoryInput {
  name: string;
  position?: number;
}

export async function listCategories(db: Db, workspaceId: string): Promise<CategoryView[]> {
  const rows = await db.knowledgeCategory.findMany({ where: { workspaceId }, orderBy: [{ position: 'asc' }, { name: 'asc' }] });
  return rows.map(toCategoryView);
}

export async function createCategory(db: Db, viewer: Viewer, input: CategoryInput): Promise<CategoryView> {
  requireSupervisor(viewer, 'change knowledge base categories');
  return saveCategory(db, viewer, null, input);
}

export async function updateCategory(db: Db, viewer: Viewer, id: string, input: Partial<CategoryInput>): Promise<CategoryView> {
  requireSupervisor(viewer, 'change knowledge base categories');
  const existing = await db.knowledgeCategory.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!existing) throw notFound('Category');
  return saveCategory(db, viewer, id, input);
}

async function saveCategory(db: Db, viewer: Viewer, id: string | null, input: Partial<CategoryInput>): Promise<CategoryView> {
  const data = { ...input, ...(input.name ? { slug: slugify(input.name) } : {}) };
  try {
    const row = await db.$transaction(async (tx) => {
      const row = id ? await tx.knowledgeCategory.update({ where: { id }, data }) : await tx.knowledgeCategory.create({ data: { workspaceId: viewer.workspaceId, name: input.name!, slug: data.slug!, position: input.position ?? 0 } });
      await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: id ? 'knowledge_category.update' : 'knowledge_category.create', targetType: 'knowledge_category', targetId: row.id, data: { name: row.name } });
      return row;
    });
    return toCategoryView(row);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new AppError('conflict', `A category named "${input.name}" exists already`, { cause: err });
    throw err;
  }
}
