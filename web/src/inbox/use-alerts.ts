// Alerts for this agent: a conversation assigned to them by someone else, and @mentions in notes.
import { useRef } from 'react';
import type { AppNotification, ConversationSummary } from '../api/types.ts';
import { assignedByMe } from '../conversation/use-actions.ts';
import { useSocketEvent } from '../realtime/socket.tsx';
import { useSession } from '../state/session.tsx';
import { contactLabel } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';
import { desktopNotify } from './notify.ts';

export function useAlerts(openConversation: (id: string) => void): void {
  const { me } = useSession();
  const toasts = useToasts();
  const assignees = useRef(new Map<string, string | null>());
  const remember = (s: ConversationSummary) => assignees.current.set(s.id, s.assignee?.id ?? null);
  useSocketEvent('conversation.created', remember);
  useSocketEvent('conversation.updated', remember);
  useSocketEvent<ConversationSummary>('conversation.assigned', (s) => {
    const before = assignees.current.get(s.id);
    remember(s);
    if (s.assignee?.id !== me.id || before === me.id || assignedByMe(s.id)) return;
    const text = `#${s.number} ${s.subject ?? ''} · ${contactLabel(s.contact)}`;
    desktopNotify('Conversation assigned to you', text, () => openConversation(s.id));
    toasts.show({ tone: 'info', text: `Assigned to you: ${text}`, action: { label: 'Open', run: () => openConversation(s.id) } });
  });
  useSocketEvent<AppNotification>('notification.created', (n) => {
    if (n.kind !== 'mention' || !n.conversationId) return;
    const id = n.conversationId;
    const who = n.data.by?.name ?? 'Someone';
    const text = `${who} mentioned you in #${n.data.conversationNumber ?? ''}: ${n.data.excerpt ?? ''}`;
    desktopNotify(`${who} mentioned you`, n.data.excerpt ?? '', () => openConversation(id));
    toasts.show({ tone: 'info', text, action: { label: 'Open', run: () => openConversation(id) } });
  });
}
