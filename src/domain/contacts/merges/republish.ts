// After a merge or its undo commits: the contacts' recent conversations are re-published, so inbox
// rows and open panels show the customer they now belong to.
import type { Deps } from '../../../deps.ts';
import { publishConversation } from '../../conversations/publish-conversation.ts';

const REPUBLISH_LIMIT = 50;

export async function republishContactConversations(deps: Pick<Deps, 'db' | 'publisher'>, contactIds: string[]): Promise<void> {
  const conversations = await deps.db.conversation.findMany({ where: { contactId: { in: contactIds } }, orderBy: { lastMessageAt: 'desc' }, take: REPUBLISH_LIMIT, select: { id: true } });
  for (const c of conversations) await publishConversation(deps, c.id, 'conversation.updated');
}
