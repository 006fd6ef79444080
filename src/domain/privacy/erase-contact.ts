// Erases a contact on request (admins only, typed confirmation): in one transaction their
// conversations lose their content (erase-conversation-content.ts), identities and visitor rows
// go, raw inbound payloads and outgoing webhook deliveries naming them go, audit entries about the contact lose
// their data, and the contact (with any contact merged into it) stays, anonymised as "Erased contact",
// so conversations still count in reports. Files are deleted after commit; the
// erasure's own audit entry names only the admin and the contact id.
import type { Deps } from '../../deps.ts';
import type { Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { validationFailed } from '../parse-input.ts';
import { deleteWebhookDeliveriesNaming } from '../outgoing-webhooks/forget-webhook-deliveries.ts';
import { deletePendingFiles } from './delete-pending-files.ts';
import { eraseConversationContent } from './erase-conversation-content.ts';
import type { EraseResult } from './privacy-view.ts';

export const ERASE_CONFIRMATION = 'ERASE';
export const ERASED_CONTACT_NAME = 'Erased contact';
/** Open inboxes are told about this many of the contact's latest conversations (the rest show the change on reload). */
const REPUBLISH_LIMIT = 50;
/** Shorter addresses (a short chat id) could match unrelated payloads; they are only removed with their messages. */
const MIN_SCANNED_ADDRESS = 6;

export async function eraseContact(deps: Pick<Deps, 'db' | 'store' | 'log' | 'clock' | 'publisher'>, viewer: Viewer, input: { contactId: string; confirm: string }): Promise<EraseResult> {
  requireAdmin(viewer, 'erase a contact');
  if (input.confirm !== ERASE_CONFIRMATION) {
    throw validationFailed([{ path: 'confirm', message: `Type ${ERASE_CONFIRMATION} to confirm the erasure` }], 'json');
  }
  const contact = await deps.db.contact.findFirst({ where: { id: input.contactId, workspaceId: viewer.workspaceId } });
  if (!contact) throw notFound('Contact');
  if (contact.mergedIntoId) throw new AppError('conflict', 'This contact was merged into another; erase that contact instead');
  const now = deps.clock.now();
  const result = await deps.db.$transaction(async (tx) => eraseInTransaction(tx, { viewer, contactId: contact.id, now }), { timeout: 60_000 });
  const files = await deletePendingFiles(deps, { storageKeys: result.storageKeys });
  for (const id of result.conversationIds.slice(0, REPUBLISH_LIMIT)) {
    await publishConversation(deps, id, 'conversation.updated').catch((err: unknown) => deps.log.warn({ err, conversationId: id }, 'could not publish an erased conversation'));
  }
  const { storageKeys: _keys, conversationIds: _ids, ...counts } = result;
  return { ...counts, files };
}

async function eraseInTransaction(tx: Tx, input: { viewer: Viewer; contactId: string; now: Date }) {
  const { viewer, contactId, now } = input;
  // Contacts merged into this one are the same person: their rows still hold names and addresses.
  const contacts = await tx.contact.findMany({ where: { workspaceId: viewer.workspaceId, OR: [{ id: contactId }, { mergedIntoId: contactId }] } });
  const contactIds = contacts.map((c) => c.id);
  const identities = await tx.contactIdentity.findMany({ where: { contactId: { in: contactIds } }, select: { address: true } });
  // What the contact claimed to be (unproven, see identity claims) is theirs to erase too.
  const claims = await tx.identityClaim.findMany({ where: { workspaceId: viewer.workspaceId, contactId: { in: contactIds } }, select: { value: true } });
  const addresses = [...new Set([...identities.map((i) => i.address), ...claims.map((c) => c.value), ...contacts.flatMap((c) => [c.email, c.phone].filter((a): a is string => !!a))])];
  const conversationIds = (await tx.conversation.findMany({ where: { contactId: { in: contactIds } }, orderBy: { lastMessageAt: 'desc' }, select: { id: true } })).map((c) => c.id);

  const content = await eraseConversationContent(tx, { conversationIds, now });
  const strayEvents = await deleteInboundEventsNaming(tx, viewer.workspaceId, addresses);
  // Outgoing webhook deliveries that carried them (by contact or conversation id, or an address).
  await deleteWebhookDeliveriesNaming(tx, viewer.workspaceId, [...contactIds, ...conversationIds, ...addresses.filter((a) => a.length >= MIN_SCANNED_ADDRESS)]);
  // A website visitor's id is the address of their chat identity.
  await tx.webchatVisitor.deleteMany({ where: { workspaceId: viewer.workspaceId, id: { in: identities.map((i) => i.address) } } });
  // Their claims, and anyone else's claim to one of their addresses (it names them).
  await tx.identityClaim.deleteMany({ where: { workspaceId: viewer.workspaceId, OR: [{ contactId: { in: contactIds } }, { value: { in: addresses } }] } });
  const removedIdentities = await tx.contactIdentity.deleteMany({ where: { contactId: { in: contactIds } } });
  await tx.contact.updateMany({
    where: { id: { in: contactIds } },
    data: { name: ERASED_CONTACT_NAME, email: null, phone: null, tier: null, lifecycleStage: null, organisationId: null, ownerId: null, tags: [], attributes: {}, erasedAt: now },
  });
  // A merge's undo snapshot holds both contacts' rows as they were (names, addresses): gone too (an erased contact's merge cannot be undone).
  await tx.contactMerge.updateMany({ where: { workspaceId: viewer.workspaceId, OR: [{ survivorId: { in: contactIds } }, { mergedId: { in: contactIds } }] }, data: { snapshot: {}, choices: {}, moved: [] } });
  // Earlier entries about the contact keep who did what and when, not the values they changed.
  await tx.auditEvent.updateMany({ where: { workspaceId: viewer.workspaceId, targetType: 'contact', targetId: { in: contactIds } }, data: { data: {} } });
  await recordAudit(tx, {
    workspaceId: viewer.workspaceId,
    actorAgentId: viewer.agentId,
    action: 'contact.erase',
    targetType: 'contact',
    targetId: contactId,
    contactId,
    data: { conversations: conversationIds.length, mergedContacts: contactIds.length - 1 },
  });
  return {
    contactId,
    conversations: conversationIds.length,
    messages: content.messages,
    attachments: content.attachments,
    identities: removedIdentities.count,
    inboundEvents: content.inboundEvents + strayEvents,
    storageKeys: content.storageKeys,
    conversationIds,
  };
}

/** Raw payloads not tied to one of their messages (a failed or ignored event, a rejected webhook) that name an address, plain or URL-encoded. */
async function deleteInboundEventsNaming(tx: Tx, workspaceId: string, addresses: string[]): Promise<number> {
  const needles = [...new Set(addresses.filter((a) => a.length >= MIN_SCANNED_ADDRESS).flatMap((a) => [a.toLowerCase(), encodeURIComponent(a).toLowerCase()]))];
  if (needles.length === 0) return 0;
  return tx.$executeRaw`
    DELETE FROM "InboundEvent" e
    WHERE e."workspaceId" = ${workspaceId}
      AND EXISTS (
        SELECT 1 FROM unnest(${needles}::text[]) AS n(needle)
        WHERE position(n.needle IN lower(coalesce(e.payload::text, ''))) > 0
           OR position(n.needle IN lower(coalesce(e.error, ''))) > 0
           OR (e.raw IS NOT NULL AND position(n.needle IN lower(encode(e.raw, 'escape'))) > 0)
      )`;
}
