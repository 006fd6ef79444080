// Admins define the custom contact attributes of their workspace (key, label, type, options,
// required); every agent reads the list (the panel picks each input by type). A definition's key and
// type are fixed once made; removing one removes its values from every contact. Audited.
import { Prisma, type Db, type Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireRole, type Viewer } from '../auth/viewer.ts';
import type { AttributeType } from './attribute-types.ts';
import type { AttributeRule } from './attribute-values.ts';
import { toAttributeDefinitionView, type AttributeDefinitionView } from './attribute-definition-view.ts';

export type { AttributeDefinitionView };

export interface AttributeDefinitionInput {
  key: string;
  label: string;
  type: AttributeType;
  options?: string[];
  required?: boolean;
}

export async function listAttributeDefinitions(db: Db | Tx, workspaceId: string): Promise<AttributeDefinitionView[]> {
  return (await db.attributeDefinition.findMany({ where: { workspaceId }, orderBy: [{ createdAt: 'asc' }, { key: 'asc' }] })).map(toAttributeDefinitionView);
}

export const attributeRules = (db: Db | Tx, workspaceId: string): Promise<AttributeRule[]> => listAttributeDefinitions(db, workspaceId);

function checkOptions(type: AttributeType, options: readonly string[]): void {
  if (type === 'choice' && options.length === 0) throw new AppError('bad_request', 'options: a choice needs at least one option', { details: [{ path: 'options', message: 'give at least one option' }] });
  if (type !== 'choice' && options.length > 0) throw new AppError('bad_request', `options: only a choice has options (this is ${type})`, { details: [{ path: 'options', message: 'only a choice has options' }] });
}

const audit = (tx: Tx, viewer: Viewer, action: string, targetId: string, data: Record<string, unknown>) =>
  recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action, targetType: 'attribute_definition', targetId, data });

export async function createAttributeDefinition(db: Db, viewer: Viewer, input: AttributeDefinitionInput): Promise<AttributeDefinitionView> {
  requireRole(viewer, 'admin', 'define contact attributes');
  const options = input.options ?? [];
  checkOptions(input.type, options);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.attributeDefinition.create({ data: { workspaceId: viewer.workspaceId, key: input.key, label: input.label, type: input.type, options, required: input.required ?? false } });
      await audit(tx, viewer, 'attribute_definition.create', row.id, { key: row.key, type: row.type });
      return toAttributeDefinitionView(row);
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new AppError('conflict', `key: an attribute "${input.key}" exists already`, { cause: err });
    throw err;
  }
}

export async function updateAttributeDefinition(db: Db, viewer: Viewer, id: string, input: { label?: string; options?: string[]; required?: boolean }): Promise<AttributeDefinitionView> {
  requireRole(viewer, 'admin', 'define contact attributes');
  const existing = await db.attributeDefinition.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!existing) throw notFound('Attribute');
  if (input.options) checkOptions(existing.type as AttributeType, input.options);
  return db.$transaction(async (tx) => {
    const row = await tx.attributeDefinition.update({ where: { id }, data: input });
    await audit(tx, viewer, 'attribute_definition.update', id, { key: row.key, fields: Object.keys(input) });
    return toAttributeDefinitionView(row);
  });
}

export async function deleteAttributeDefinition(db: Db, viewer: Viewer, id: string): Promise<void> {
  requireRole(viewer, 'admin', 'define contact attributes');
  const existing = await db.attributeDefinition.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!existing) throw notFound('Attribute');
  await db.$transaction(async (tx) => {
    await tx.attributeDefinition.delete({ where: { id } });
    const cleared = await tx.$executeRaw`UPDATE "Contact" SET "attributes" = "attributes" - ${existing.key}::text, "updatedAt" = now() WHERE "workspaceId" = ${viewer.workspaceId} AND jsonb_exists("attributes", ${existing.key}::text)`;
    await audit(tx, viewer, 'attribute_definition.delete', id, { key: existing.key, contacts: cleared });
  });
}
