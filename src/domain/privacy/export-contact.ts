// Everything Parley holds about one contact, for a data-access request (admins only): contact.json
// (the contact and any contact merged into it, identities, every conversation with its messages,
// notes, activity and attachment list) and the attachment files under attachments/. Audited.
import type { Prisma } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { zipStream, type ZipEntry } from './zip-stream.ts';

export interface ContactExport {
  filename: string;
  stream: ReadableStream<Uint8Array>;
}

const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'file';

export async function exportContact(deps: Pick<Deps, 'db' | 'store' | 'clock'>, viewer: Viewer, contactId: string): Promise<ContactExport> {
  requireAdmin(viewer, 'export a contact’s data');
  const contact = await deps.db.contact.findFirst({ where: { id: contactId, workspaceId: viewer.workspaceId, mergedIntoId: null } });
  if (!contact) throw notFound('Contact');
  const mergedContacts = await deps.db.contact.findMany({ where: { workspaceId: viewer.workspaceId, mergedIntoId: contact.id } });
  const contactIds = [contact.id, ...mergedContacts.map((c) => c.id)];
  const [identities, claims, conversations] = await Promise.all([
    deps.db.contactIdentity.findMany({ where: { contactId: { in: contactIds } }, orderBy: { createdAt: 'asc' } }),
    deps.db.identityClaim.findMany({ where: { workspaceId: viewer.workspaceId, contactId: { in: contactIds } }, orderBy: { createdAt: 'asc' } }),
    deps.db.conversation.findMany({ where: { contactId: { in: contactIds } }, orderBy: { createdAt: 'asc' }, include: conversationInclude }),
  ]);
  const files: ZipEntry[] = [];
  const doc = {
    exportedAt: deps.clock.now().toISOString(),
    contact: contactJson(contact),
    mergedContacts: mergedContacts.map(contactJson),
    identities: identities.map((i) => ({ channelKind: i.channelKind, address: i.address, displayName: i.displayName, optedOutAt: i.optedOutAt, verifiedAt: i.verifiedAt, createdAt: i.createdAt })),
    claims: claims.map((c) => ({ field: c.field, value: c.value, channelKind: c.channelKind, status: c.status, verifiedAt: c.verifiedAt, createdAt: c.createdAt })),
    conversations: conversations.map((c) => conversationJson(c, (name, key) => files.push({ name, content: () => deps.store.get(key), fallback: (err) => unavailable(name, err) }))),
  };
  await recordAudit(deps.db, {
    workspaceId: viewer.workspaceId,
    actorAgentId: viewer.agentId,
    action: 'contact.export',
    targetType: 'contact',
    targetId: contact.id,
    contactId: contact.id,
    data: { conversations: conversations.length, files: files.length },
  });
  const json: ZipEntry = { name: 'contact.json', compress: true, content: async () => new TextEncoder().encode(JSON.stringify(doc, null, 2)) };
  return { filename: `contact-${contact.id}.zip`, stream: zipStream([json, ...files]) };
}

const conversationInclude = {
  channel: { select: { id: true, kind: true, name: true, address: true } },
  messages: { orderBy: { createdAt: 'asc' }, include: { attachments: { orderBy: { createdAt: 'asc' } }, authorAgent: { select: { id: true, name: true } } } },
  events: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ConversationInclude;

type ExportedConversation = Prisma.ConversationGetPayload<{ include: typeof conversationInclude }>;

/** One conversation as exported; each stored attachment file is handed to `addFile` with its path in the zip. */
function conversationJson(c: ExportedConversation, addFile: (name: string, storageKey: string) => void) {
  return {
    id: c.id,
    number: c.number,
    channel: c.channel,
    status: c.status,
    subject: c.subject,
    topic: c.topic,
    tags: c.tags,
    language: c.language,
    attributes: c.attributes,
    createdAt: c.createdAt,
    resolvedAt: c.resolvedAt,
    messages: c.messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      kind: m.kind,
      author: m.authorAgent ? { agent: m.authorAgent.name } : m.authorContactId ? { contact: m.authorContactId } : null,
      subject: m.subject,
      text: m.text,
      html: m.html,
      deliveryStatus: m.deliveryStatus,
      sentAt: m.sentAt,
      deliveredAt: m.deliveredAt,
      createdAt: m.createdAt,
      attachments: m.attachments.map((a) => {
        const file = a.storageKey ? `attachments/${a.id}-${safeName(a.filename)}` : null;
        if (file && a.storageKey) addFile(file, a.storageKey);
        return { id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, file, sourceUrl: file ? null : a.sourceUrl };
      }),
    })),
    activity: c.events.map((e) => ({ kind: e.kind, data: e.data, createdAt: e.createdAt })),
  };
}

/** A file the store could not give back is named in the zip with the reason, so the rest still arrives. */
function unavailable(name: string, err: unknown) {
  return { name: `${name}.unavailable.txt`, content: new TextEncoder().encode(`This file could not be read from the attachment store: ${err instanceof Error ? err.message : String(err)}\n`) };
}

function contactJson(c: { id: string; name: string | null; email: string | null; phone: string | null; tier: string | null; lifecycleStage: string | null; tags: string[]; attributes: unknown; createdAt: Date; erasedAt: Date | null }) {
  return { id: c.id, name: c.name, email: c.email, phone: c.phone, tier: c.tier, lifecycleStage: c.lifecycleStage, tags: c.tags, attributes: c.attributes, createdAt: c.createdAt, erasedAt: c.erasedAt };
}
