// Edits what agents know about a contact: name, lifecycle stage (one of the workspace's stages),
// tier, tags, custom attributes (checked against the definitions), company and owner. Every id
// must be the workspace's; audited; the contact's recent conversations are re-published so inbox
// rows update.
import type { Prisma } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordContactEvent } from '../outgoing-webhooks/record-contact-event.ts';
import { dispatchWebhookDeliveries } from '../outgoing-webhooks/record-webhook-event.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleConversationsWhere } from '../conversations/visibility.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';
import { attributeRules } from './attribute-definitions.ts';
import { attributeProblems, storedAttributes, type AttributeValue } from './attribute-values.ts';
import { loadVisibleContact } from './contact-visibility.ts';
import { assertLifecycleStage } from './lifecycle-stages.ts';

export type { AttributeValue };

export interface UpdateContactInput {
  contactId: string;
  name?: string | null;
  lifecycleStage?: string | null;
  tier?: string | null;
  tags?: string[];
  /** Replaces the whole attribute map; a null value unsets that attribute. */
  attributes?: Record<string, AttributeValue>;
  organisationId?: string | null;
  ownerId?: string | null;
}

const REPUBLISH_LIMIT = 50;

export async function updateContact(deps: Deps, viewer: Viewer, input: UpdateContactInput): Promise<void> {
  const { contactId, ...fields } = input;
  const contact = await loadVisibleContact(deps.db, viewer, contactId);
  await assertRefsInWorkspace(deps.db, viewer.workspaceId, [...refOf('organisation', 'organisationId', fields.organisationId), ...refOf('agent', 'ownerId', fields.ownerId, { active: true })], 'contact');
  if (fields.lifecycleStage) await assertLifecycleStage(deps.db, viewer.workspaceId, fields.lifecycleStage);
  let attributes: Record<string, AttributeValue> | undefined;
  if (fields.attributes !== undefined) {
    const problems = attributeProblems(await attributeRules(deps.db, viewer.workspaceId), fields.attributes, (contact.attributes ?? {}) as Record<string, unknown>);
    if (problems.length) throw new AppError('bad_request', problems.map((p) => `${p.path}: ${p.message}`).join('; '), { details: problems });
    attributes = storedAttributes(fields.attributes);
  }
  const data: Prisma.ContactUncheckedUpdateInput = {
    ...(fields.name !== undefined ? { name: fields.name } : {}),
    ...(fields.lifecycleStage !== undefined ? { lifecycleStage: fields.lifecycleStage } : {}),
    ...(fields.tier !== undefined ? { tier: fields.tier } : {}),
    ...(fields.tags !== undefined ? { tags: fields.tags } : {}),
    ...(attributes !== undefined ? { attributes } : {}),
    ...(fields.organisationId !== undefined ? { organisationId: fields.organisationId } : {}),
    ...(fields.ownerId !== undefined ? { ownerId: fields.ownerId } : {}),
  };
  const deliveries = await deps.db.$transaction(async (tx) => {
    const updated = await tx.contact.update({ where: { id: contact.id }, data });
    const before = Object.fromEntries(Object.keys(fields).map((k) => [k, contact[k as keyof typeof fields] ?? null]));
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'contact.update', targetType: 'contact', targetId: contact.id, data: { from: before, to: fields } });
    return recordContactEvent(tx, { type: 'contact.updated', contact: updated, at: deps.clock.now(), extra: { changed: Object.keys(fields) } });
  });
  await dispatchWebhookDeliveries(deps, deliveries);
  if (fields.name === undefined) return;
  // The contact's name shows in every inbox row of theirs.
  const conversations = await deps.db.conversation.findMany({
    where: { AND: [{ contactId: contact.id }, visibleConversationsWhere(viewer)] },
    orderBy: { lastMessageAt: 'desc' },
    take: REPUBLISH_LIMIT,
    select: { id: true },
  });
  for (const c of conversations) await publishConversation(deps, c.id, 'conversation.updated');
}
