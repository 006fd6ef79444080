// An agent's reply: written as a queued outbound message on the conversation's channel, threaded
// onto the customer's last message, then handed to the deliver worker (outbound-message.ts).
import type { OutboundTemplate } from '../../../channels/types.ts';
import { Prisma } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { messageViewInclude, toMessageView, type MessageView } from '../conversations/conversation-view.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';
import { createOutboundMessage, dispatchOutbound, outboundTarget } from './outbound-message.ts';
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
  const target = await outboundTarget(deps, conversation);
  if ('refusal' in target) throw new AppError('unprocessable', target.refusal);
  const { channel, adapter, identity } = target;
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
  const now = deps.clock.now();

  let message;
  try {
    message = await db.$transaction(async (tx) => {
      const message = await createOutboundMessage(tx, {
        conversation,
        target,
        authorAgentId: viewer.agentId,
        text,
        html: input.html ?? null,
        clientKey: input.clientKey ?? null,
        metadata: template ? { template: { id: template.id, variables: template.variables } } : {},
        attachments: files.map((f) => ({ ...f, workspaceId: conversation.workspaceId })),
      });
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
        await tx.responseWait.create({ data: { workspaceId: conversation.workspaceId, conversationId: conversation.id, messageId: message.id, agentId: viewer.agentId, waitedFrom: conversation.waitingSince, answeredAt: message.createdAt } });
      }
      await slaOnAgentReply(tx, { conversationId: conversation.id, now });
      await recordAudit(tx, { workspaceId: conversation.workspaceId, actorAgentId: viewer.agentId, action: 'message.reply', targetType: 'message', targetId: message.id, data: { conversationId: conversation.id } });
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
  await dispatchOutbound(deps, message);
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

export { threadReferences } from './outbound-message.ts';
