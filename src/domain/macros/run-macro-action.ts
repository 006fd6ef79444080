// One macro action, run through the domain function the conversation view calls for it.
import type { Deps } from '../../deps.ts';
import { assertNever } from '../../errors.ts';
import type { Viewer } from '../auth/viewer.ts';
import { fillPlaceholders } from '../canned/placeholders.ts';
import { assignConversation } from '../conversations/assign-conversation.ts';
import { changeConversationStatus } from '../conversations/change-status.ts';
import { updateConversation } from '../conversations/update-conversation.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';
import { queueReply } from '../messages/queue-reply.ts';
import { parseOr422 } from '../parse-input.ts';
import { tagList } from '../conversations/tag-list.ts';
import type { MacroAction } from './macro-schema.ts';

export async function runMacroAction(deps: Deps, viewer: Viewer, i: { conversationId: string; action: MacroAction; clientKey?: string }): Promise<void> {
  const { action: a, conversationId } = i;
  switch (a.type) {
    case 'reply': {
      const c = await loadVisibleConversation(deps.db, viewer, conversationId);
      const [contact, agent] = await Promise.all([
        deps.db.contact.findUniqueOrThrow({ where: { id: c.contactId }, select: { name: true, email: true } }),
        deps.db.agent.findUniqueOrThrow({ where: { id: viewer.agentId }, select: { name: true } }),
      ]);
      await queueReply(deps, viewer, { conversationId, text: fillPlaceholders(a.text, { contact, agent, conversation: { number: c.number } }), clientKey: i.clientKey });
      return;
    }
    case 'addTags':
    case 'removeTags': {
      const c = await loadVisibleConversation(deps.db, viewer, conversationId);
      const next = a.type === 'addTags' ? [...c.tags, ...a.tags] : c.tags.filter((t) => !a.tags.includes(t));
      await updateConversation(deps, viewer, { conversationId, tags: parseOr422(tagList, next, 'tags') });
      return;
    }
    case 'assign':
      await assignConversation(deps, viewer, { conversationId, assigneeId: a.assigneeId, teamId: a.teamId });
      return;
    case 'setStatus':
      await changeConversationStatus(deps, viewer, { conversationId, statusKey: a.statusKey });
      return;
    case 'setPriority':
      await updateConversation(deps, viewer, { conversationId, priority: a.priority });
      return;
    default:
      assertNever(a, 'macro action');
  }
}
