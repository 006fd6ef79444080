// Alerts for this agent: conversations assigned to them by someone else (routing, a supervisor)
// @mentions in notes and follow-up tasks that fell due. Assignments arriving together make one alert, not a stack.
import { conversationTitle } from '../ui/channel-icon.tsx';
import { useEffect, useRef } from 'react';
import type { ConversationSummary } from '../api/types.ts';
import { assignedByMe } from '../conversation/use-actions.ts';
import { useSocketEvent } from '../realtime/socket.tsx';
import { useSession } from '../state/session.tsx';
import { contactLabel } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';
import { desktopNotify } from './notify.ts';

const BATCH_MS = 1500;

export function useAlerts(openConversation: (id: string) => void, showMine: () => void, showTasks: () => void): void {
  const { me } = useSession();
  const toasts = useToasts();
  const assignees = useRef(new Map<string, string | null>());
  const batch = useRef<ConversationSummary[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = () => {
    const list = batch.current;
    batch.current = [];
    const [first] = list;
    if (!first) return;
    if (list.length === 1) {
      const text = `#${first.number} ${conversationTitle(first)} · ${contactLabel(first.contact)}`;
      desktopNotify('Conversation assigned to you', text, () => openConversation(first.id));
      toasts.show({ tone: 'info', text: `Assigned to you: ${text}`, action: { label: 'Open', run: () => openConversation(first.id) } });
      return;
    }
    const text = `${list.length} conversations were assigned to you`;
    desktopNotify(text, list.map((c) => `#${c.number} ${conversationTitle(c)}`).join('\n'), showMine);
    toasts.show({ tone: 'info', text, action: { label: 'Show mine', run: showMine } });
  };

  const remember = (s: ConversationSummary) => assignees.current.set(s.id, s.assignee?.id ?? null);
  useSocketEvent('conversation.created', remember);
  useSocketEvent('conversation.updated', remember);
  useSocketEvent('conversation.assigned', (s) => {
    const before = assignees.current.get(s.id);
    remember(s);
    if (s.assignee?.id !== me.id || before === me.id || assignedByMe(s.id)) return;
    batch.current = [...batch.current.filter((c) => c.id !== s.id), s];
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, batch.current.length === 1 ? 300 : BATCH_MS);
  });
  useSocketEvent('notification.created', (n) => {
    if (n.kind === 'task.due') {
      const id = n.conversationId;
      const on = n.data.conversationNumber ? ` (#${n.data.conversationNumber})` : n.data.contactName ? ` (${n.data.contactName})` : '';
      const open = id ? () => openConversation(id) : showTasks;
      desktopNotify('Task due', `${n.data.title ?? ''}${on}`, open);
      toasts.show({ tone: 'warning', text: `Task due: ${n.data.title ?? ''}${on}`, action: { label: id ? 'Open' : 'My tasks', run: open } });
      return;
    }
    if (n.kind !== 'mention' || !n.conversationId) return;
    const id = n.conversationId;
    const who = n.data.by?.name ?? 'Someone';
    desktopNotify(`${who} mentioned you`, n.data.excerpt ?? '', () => openConversation(id));
    toasts.show({ tone: 'info', text: `${who} mentioned you in #${n.data.conversationNumber ?? ''}: ${n.data.excerpt ?? ''}`, action: { label: 'Open', run: () => openConversation(id) } });
  });
}
