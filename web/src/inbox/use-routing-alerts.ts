// Routing and SLA notifications for whoever the server addressed them to (the assignee, the team
// lead, or supervisors): SLA warnings and breaches, conversations nobody took after the last
// routing step, agents gone offline with work. Several of one kind in a burst make one toast.
import { useEffect, useRef } from 'react';
import type { AppNotification, NotificationKind } from '../api/types.ts';
import { useSocketEvent } from '../realtime/socket.tsx';
import { isSupervisor, useSession } from '../state/session.tsx';
import { useToasts, type Toast } from '../ui/toasts.tsx';
import { desktopNotify } from './notify.ts';

const BATCH_MS = 1500;
const KINDS = ['sla.warning', 'sla.breach', 'routing.unassigned', 'agent.offline-with-work'] as const satisfies readonly NotificationKind[];
export type RoutingAlertKind = (typeof KINDS)[number];
type Kind = RoutingAlertKind;
const isRoutingKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

const METRIC: Record<string, string> = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' };
const metricOf = (n: AppNotification) => METRIC[n.data.metric ?? ''] ?? (n.data.metric ?? 'response').replace(/_/g, ' ');
const numberOf = (n: AppNotification) => (n.data.number !== undefined ? `#${n.data.number}` : 'A conversation');

function dueIn(minutes: number | undefined): string {
  if (minutes === undefined) return 'soon';
  return minutes < 1 ? 'in under a minute' : `in ${minutes} min`;
}

/** The text of one notification of a routing kind. */
export function routingAlertText(n: AppNotification & { kind: Kind }, agentName: (id: string) => string): string {
  switch (n.kind) {
    case 'sla.warning':
      return `SLA warning: ${numberOf(n)} ${metricOf(n)} due ${dueIn(n.data.minutesLeft)}`;
    case 'sla.breach':
      return `SLA breached: ${numberOf(n)} missed its ${metricOf(n)} target`;
    case 'routing.unassigned':
      return `${numberOf(n)} is still waiting${n.data.queue ? ` in ${n.data.queue}` : ''}: nobody took it after the last routing step`;
    case 'agent.offline-with-work': {
      const count = n.data.count ?? 0;
      return `${n.data.agentId ? agentName(n.data.agentId) : 'An agent'} went offline with ${count} open conversation${count === 1 ? '' : 's'}`;
    }
  }
}

const SUMMARY: Record<Kind, (count: number) => string> = {
  'sla.warning': (n) => `${n} conversations are close to an SLA target`,
  'sla.breach': (n) => `${n} conversations missed an SLA target`,
  'routing.unassigned': (n) => `${n} conversations are still waiting after the last routing step`,
  'agent.offline-with-work': (n) => `${n} agents went offline with open conversations`,
};
const TONE: Record<Kind, Toast['tone']> = { 'sla.warning': 'warning', 'sla.breach': 'error', 'routing.unassigned': 'warning', 'agent.offline-with-work': 'info' };

/** `showBoard` is null while the board is on screen (no point offering to go there). */
export function useRoutingAlerts(openConversation: (id: string) => void, showBoard: (() => void) | null): void {
  const { me, agents } = useSession();
  const toasts = useToasts();
  const batches = useRef(new Map<Kind, AppNotification[]>());
  const timers = useRef(new Map<Kind, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);
  const supervisor = isSupervisor(me);
  const agentName = (id: string) => agents.find((a) => a.id === id)?.name ?? 'An agent';
  // A batch flushes later: it must act on the page the user is on by then.
  const actions = useRef({ openConversation, showBoard });
  actions.current = { openConversation, showBoard };

  const flush = (kind: Kind) => {
    const { openConversation, showBoard } = actions.current;
    const list = batches.current.get(kind) ?? [];
    batches.current.delete(kind);
    timers.current.delete(kind);
    const [first] = list;
    if (!first) return;
    const boardAction = supervisor && showBoard ? { label: 'Show board', run: showBoard } : undefined;
    if (list.length === 1) {
      const text = routingAlertText({ ...first, kind }, agentName);
      const id = first.conversationId;
      const action = id ? { label: 'Open', run: () => openConversation(id) } : boardAction;
      if (kind !== 'sla.warning') desktopNotify(text, '', action?.run ?? (() => undefined));
      toasts.show({ tone: TONE[kind], text, action });
      return;
    }
    const text = SUMMARY[kind](list.length);
    if (kind !== 'sla.warning') desktopNotify(text, '', boardAction?.run ?? (() => undefined));
    toasts.show({ tone: TONE[kind], text, action: boardAction });
  };

  useSocketEvent('notification.created', (n) => {
    const kind = n.kind;
    if (!isRoutingKind(kind)) return;
    batches.current.set(kind, [...(batches.current.get(kind) ?? []), n]);
    clearTimeout(timers.current.get(kind));
    timers.current.set(kind, setTimeout(() => flush(kind), (batches.current.get(kind)?.length ?? 0) === 1 ? 300 : BATCH_MS));
  });
}
