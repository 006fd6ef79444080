// @mentions in a private note: every agent of the workspace named as "@Their Name" who may see
// the conversation gets a Notification row and a realtime `notification.created`.
import type { Deps } from '../../deps.ts';
import { isSupervisor } from '../auth/viewer.ts';
import { toNotificationView, type NotificationDataByKind } from '../notifications/notification-view.ts';

export interface MentionNote {
  id: string;
  workspaceId: string;
  conversationId: string;
  text: string;
  authorAgentId: string | null;
}

/** Names mentioned as `@Name` (case-insensitive, not followed by a letter or digit); longer names win overlaps. */
export function findMentions<T extends { name: string }>(text: string, agents: T[]): T[] {
  const claimed: [number, number][] = [];
  const found: T[] = [];
  const lower = text.toLowerCase();
  for (const agent of [...agents].sort((a, b) => b.name.length - a.name.length)) {
    const needle = `@${agent.name.toLowerCase()}`;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (/[\p{L}\p{N}]/u.test(text.charAt(end))) continue;
      if (claimed.some(([s, e]) => at < e && end > s)) continue;
      claimed.push([at, end]);
      found.push(agent);
      break;
    }
  }
  return found;
}

/** Called after the note committed: a failure here is logged, never turned into a failed note. */
export async function notifyMentions(deps: Pick<Deps, 'db' | 'publisher' | 'log'>, note: MentionNote): Promise<void> {
  if (!note.text.includes('@')) return;
  await createMentionNotifications(deps, note).catch((err: unknown) => deps.log.error({ err, noteId: note.id }, 'could not notify mentioned agents'));
}

async function createMentionNotifications(deps: Pick<Deps, 'db' | 'publisher'>, note: MentionNote): Promise<void> {
  const [agents, conversation] = await Promise.all([
    deps.db.agent.findMany({ where: { workspaceId: note.workspaceId, active: true }, include: { teams: { select: { teamId: true } } } }),
    deps.db.conversation.findUniqueOrThrow({ where: { id: note.conversationId }, select: { number: true, subject: true, teamId: true, assigneeId: true } }),
  ]);
  const author = agents.find((a) => a.id === note.authorAgentId);
  const maySee = (a: (typeof agents)[number]) =>
    isSupervisor(a) ||
    conversation.assigneeId === a.id ||
    conversation.teamId === null ||
    a.teams.some((t) => t.teamId === conversation.teamId);
  const mentioned = findMentions(note.text, agents).filter((a) => a.id !== note.authorAgentId && maySee(a));
  for (const agent of mentioned) {
    const n = await deps.db.notification.create({
      data: {
        workspaceId: note.workspaceId,
        agentId: agent.id,
        kind: 'mention',
        conversationId: note.conversationId,
        data: {
          noteId: note.id,
          by: author ? { id: author.id, name: author.name } : null,
          conversationNumber: conversation.number,
          subject: conversation.subject,
          excerpt: note.text.slice(0, 200),
        } satisfies NotificationDataByKind['mention'],
      },
    });
    deps.publisher.publishToAgent(agent.id, 'notification.created', toNotificationView(n));
  }
}
