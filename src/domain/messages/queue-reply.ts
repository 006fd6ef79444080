// An agent's reply: written as a queued outbound message on the conversation's channel, threaded
// onto the customer's last message, then handed to the deliver worker.
import type { OutboundTemplate } from '../../../channels/types.ts';
import { Prisma } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { messageViewInclude, toMessageView, type MessageView } from '../conversations/conversation-view.ts';
import { publishConversation, publishMessage } from '../conversations/publish-conversation.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';
import { replySubject } from './reply-subject.ts';
import { refusalFor, replyIdentity } from './reply-identity.ts';
import { replyAddress } from './reply-address.ts';
import { decodeReplyAttachments, replyFilesLimit, storeReplyAttachments, type ReplyAttachmentInput } from './store-reply-attachments.ts';
import { slaOnAgentReply } from '../sla/apply-sla.ts';

export interface ReplyInput {
  conversationId: string;
  /** May be left out when a template is sent (it then describes the template in the timeline). */
  text?: string;
  html?: string | null;
  /** A provider-approved template instead of free text, on channels that send them. */
  template?: OutboundTemplate | null;
  /** Files to send along (base64), on channels that carry files. */
  attachments?: ReplyAttachmentInput[];
  /** The client's idempotency key: a reply already written with it is answered again, not sent twice. */
  clientKey?: string;
}

export async function queueReply(deps: Deps, viewer: Viewer, input: ReplyInput): Promise<MessageView> {
  const { db } = deps;
  const conversation = await loadVisibleConversation(db, viewer, input.conversationId);
  const again = await replyWithKey(deps, conversation.id, input.clientKey);
  if (again) return again;
  const channel = await db.channel.findUniqueOrThrow({ where: { id: conversation.channelId } });
  const identity = await replyIdentity(db, { conversationId: conversation.id, contactId: conversation.contactId, channelKind: channel.kind });
  if (!identity) throw new AppError('unprocessable', `This contact has no ${channel.kind} address to reply to`);
  const refusal = refusalFor(identity, channel.kind);
  if (refusal) throw new AppError('unprocessable', refusal);
  const adapter = deps.adapterFor(channel.kind);
  const template = input.template ?? null;
  if (template && !adapter.templates) throw new AppError('unprocessable', `${channel.kind} conversations cannot send templates`);
  if (adapter.checkOutbound) {
    const verdict = adapter.checkOutbound({ now: deps.clock.now(), to: { address: identity.address }, lastInboundAt: await lastInboundAt(deps, conversation.contactId, channel.id), template });
    if (!verdict.ok) throw new AppError('unprocessable', verdict.reason);
  }
  const text = input.text?.trim() ? input.text : template ? describeTemplate(template) : '';
  if (!text && !input.attachments?.length) throw new AppError('validation_failed', 'text: must not be empty');
  const decoded = decodeReplyAttachments(input.attachments ?? [], { kind: channel.kind, maxBytes: replyFilesLimit(adapter.maxOutboundFileBytes) });
  const files = await storeReplyAttachments(deps.store, decoded);
  const lastInbound = await db.message.findFirst({
    where: { conversationId: conversation.id, direction: 'in', kind: 'message' },
    orderBy: { createdAt: 'desc' },
    select: { externalId: true, references: true },
  });
  const to = await replyAddress(db, { conversationId: conversation.id, identity });
  const now = deps.clock.now();

  let message;
  try {
    message = await db.$transaction(async (tx) => {
      const created = await tx.message.create({
        data: {
          clientKey: input.clientKey ?? null,
          workspaceId: conversation.workspaceId,
          conversationId: conversation.id,
          channelId: channel.id,
          direction: 'out',
          kind: 'message',
          authorAgentId: viewer.agentId,
          subject: replySubject(conversation.subject),
          text,
          html: input.html ?? null,
          inReplyTo: lastInbound?.externalId ?? null,
          references: threadReferences(lastInbound),
          deliveryStatus: 'queued',
          metadata: { to, ...(template ? { template: { id: template.id, variables: template.variables } } : {}) },
          ...(files.length > 0 ? { attachments: { create: files.map((f) => ({ ...f, workspaceId: conversation.workspaceId })) } } : {}),
        },
    });
    const externalId = adapter.prepareExternalId?.({ messageId: created.id }, toChannelConfig(channel)) ?? null;
    const message = externalId ? await tx.message.update({ where: { id: created.id }, data: { externalId } }) : created;
    await tx.conversation.update({
      where: { id: conversation.id },
      data: {
        firstResponseAt: conversation.firstResponseAt ?? now,
        lastOutboundAt: now,
        lastMessageAt: now,
        waitingSince: null,
        messageCount: { increment: 1 },
      },
    });
    // A reply after the first one that ends a customer's wait: its next-response time, for reports.
    if (conversation.firstResponseAt && conversation.waitingSince) {
      await tx.responseWait.create({ data: { workspaceId: conversation.workspaceId, conversationId: conversation.id, messageId: created.id, agentId: viewer.agentId, waitedFrom: conversation.waitingSince, answeredAt: created.createdAt } });
    }
    await slaOnAgentReply(tx, { conversationId: conversation.id, now });
    await recordAudit(tx, { workspaceId: conversation.workspaceId, actorAgentId: viewer.agentId, action: 'message.reply', targetType: 'message', targetId: created.id, data: { conversationId: conversation.id } });
    return message;
    });
  } catch (err) {
    // The same key sent twice at once: the other request wrote it; answer with that one.
    const written = err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' ? await replyWithKey(deps, conversation.id, input.clientKey) : null;
    if (written) return written;
    throw err;
  }
  // The view as written (queued), before a worker can move it on.
  const view = toMessageView(await db.message.findUniqueOrThrow({ where: { id: message.id }, include: messageViewInclude }));
  await deps.queues.enqueue('deliver', { messageId: message.id }).catch((err: unknown) => {
    // The message stays `queued` in the database; the deliver sweep picks it up when Redis is back.
    deps.log.warn({ err, messageId: message.id }, 'deliver queue unavailable');
  });
  await publishMessage(deps, message.id, 'message.created');
  await publishConversation(deps, conversation.id, 'conversation.updated');
  return view;
}

/** The reply already written on this conversation with this client key (a retried POST), if any. */
async function replyWithKey(deps: Deps, conversationId: string, clientKey: string | undefined): Promise<MessageView | null> {
  if (!clientKey) return null;
  const existing = await deps.db.message.findUnique({ where: { conversationId_clientKey: { conversationId, clientKey } }, include: messageViewInclude });
  return existing ? toMessageView(existing) : null;
}

/** When the contact last wrote on this channel, in any of their conversations there. */
async function lastInboundAt(deps: Deps, contactId: string, channelId: string): Promise<Date | null> {
  const latest = await deps.db.conversation.findFirst({
    where: { contactId, channelId, lastInboundAt: { not: null } },
    orderBy: { lastInboundAt: 'desc' },
    select: { lastInboundAt: true },
  });
  return latest?.lastInboundAt ?? null;
}

function describeTemplate(t: OutboundTemplate): string {
  const values = Object.entries(t.variables).map(([k, v]) => `${k}: ${v}`);
  return `Template ${t.id}${values.length > 0 ? ` (${values.join(', ')})` : ''}`;
}

/** References of a reply: the customer's chain plus the message we answer, capped as mail clients do. */
export function threadReferences(lastInbound: { externalId: string | null; references: string[] } | null): string[] {
  if (!lastInbound) return [];
  const chain = [...lastInbound.references, ...(lastInbound.externalId ? [lastInbound.externalId] : [])];
  const unique = [...new Set(chain)];
  return unique.length > 20 ? [unique[0]!, ...unique.slice(-19)] : unique;
}
