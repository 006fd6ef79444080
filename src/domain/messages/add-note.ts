// A private note: visible to agents in the timeline, never sent to the customer.
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { messageViewInclude, toMessageView, type MessageView } from '../conversations/conversation-view.ts';
import { publishMessage } from '../conversations/publish-conversation.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';
import { notifyMentions } from './notify-mentions.ts';

/** Adds the note and returns it as the timeline shows it. */
export async function addNote(deps: Deps, viewer: Viewer, input: { conversationId: string; text: string }): Promise<MessageView> {
  const conversation = await loadVisibleConversation(deps.db, viewer, input.conversationId);
  const note = await deps.db.$transaction(async (tx) => {
    const note = await tx.message.create({
      data: {
        workspaceId: conversation.workspaceId,
        conversationId: conversation.id,
        channelId: conversation.channelId,
        direction: 'out',
        kind: 'note',
        authorAgentId: viewer.agentId,
        text: input.text,
      },
    });
    await tx.conversation.update({ where: { id: conversation.id }, data: { messageCount: { increment: 1 } } });
    await recordAudit(tx, { workspaceId: conversation.workspaceId, actorAgentId: viewer.agentId, action: 'message.note', targetType: 'message', targetId: note.id, data: { conversationId: conversation.id } });
    return note;
  });
  await publishMessage(deps, note.id, 'message.created');
  await notifyMentions(deps, note);
  return toMessageView(await deps.db.message.findUniqueOrThrow({ where: { id: note.id }, include: messageViewInclude }));
}
