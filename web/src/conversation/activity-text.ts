// What an activity entry of the timeline says, in one short sentence: who (an agent, or nobody
// named when Parley itself did it), what changed. The time is shown beside it.
import type { ConversationEvent } from '../api/types.ts';

type Of<K extends ConversationEvent['kind']> = Extract<ConversationEvent, { kind: K }>;
type Ref = { id: string; name: string } | null | undefined;

const METRIC: Record<string, string> = { first_response: 'first response', next_response: 'next response', resolution: 'resolution' };
const metric = (m: string) => METRIC[m] ?? m.replace(/_/g, ' ');
const nameOf = (r: Ref) => r?.name ?? 'nobody';

/** `at` formats a time the entry names (a snooze's end, a due time). */
export function activityText(e: ConversationEvent, at: (iso: string) => string): string {
  switch (e.kind) {
    case 'assignment':
      return assignmentText(e);
    case 'status':
      return statusText(e, at);
    case 'priority':
      return e.data.via === 'sla-breach' ? `Priority raised from ${e.data.from} to ${e.data.to} after the SLA breach` : `${e.actor?.name ?? 'Parley'} changed the priority from ${e.data.from} to ${e.data.to}`;
    case 'tags':
      return tagsText(e);
    case 'sla.warning':
      return `SLA warning: ${metric(e.data.metric)} due${e.data.dueAt ? ` ${at(e.data.dueAt)}` : ' soon'}`;
    case 'sla.breach':
      return `SLA breached: ${metric(e.data.metric)} was due ${at(e.data.dueAt)}`;
    case 'routing.queued':
      return `Waiting in ${e.data.queue} (routing step ${e.data.step + 1}${e.data.filter ? `, ${e.data.filter}` : ''})`;
    case 'offer':
      return offerText(e);
    case 'macro':
      return macroText(e);
    case 'csat':
      return csatText(e);
  }
}

const SKIPPED: Record<Extract<Of<'csat'>['data'], { outcome: 'skipped' }>['reason'], string> = {
  reopened: 'the conversation was reopened first',
  throttled: 'the contact had one recently',
  opted_out: 'the contact opted out',
  disabled: 'surveys are off for this channel',
  unreachable: 'the contact cannot be reached on this channel now',
};

function csatText(e: Of<'csat'>): string {
  const d = e.data;
  switch (d.outcome) {
    case 'sent':
      return d.style === 'link' ? 'Satisfaction survey sent (a link to the survey page)' : 'Satisfaction survey sent (asks for a reply from 1 to 5)';
    case 'skipped':
      return `Satisfaction survey not sent: ${SKIPPED[d.reason]}`;
    case 'answered':
      return `Customer rated the conversation ${d.score}/5${d.comment ? `: “${d.comment}”` : ''}`;
    case 'commented':
      return `Customer commented on their ${d.score}/5 rating: “${d.comment ?? ''}”`;
  }
}

const ACTION: Record<string, string> = { reply: 'reply', addTags: 'add tags', removeTags: 'remove tags', assign: 'assign', setStatus: 'status', setPriority: 'priority' };

function macroText(e: Of<'macro'>): string {
  const { macro, applied, failed } = e.data;
  const names = (types: string[]) => types.map((t) => ACTION[t] ?? t).join(', ');
  return `${e.actor?.name ?? 'Parley'} applied the macro ${macro.name}${applied.length ? ` (${names(applied)})` : ''}${failed.length ? `; refused: ${names(failed)}` : ''}`;
}

function assignmentText(e: Of<'assignment'>): string {
  const { agent, team, via } = e.data;
  const teamPart = team ? ` to the ${nameOf(team.to)} team` : '';
  if (via === 'routing') return `Routed to ${nameOf(agent?.to)}${e.data.queue ? ` from ${e.data.queue}` : ''}${teamPart}`;
  if (via === 'agent-offline') return `Returned to routing: ${nameOf(agent?.from)} went offline`;
  if (via === 'agent-deactivated') return `Returned to routing: ${nameOf(agent?.from)} was deactivated`;
  if (via === 'sla-breach') return `Returned to routing after the SLA breach (was ${nameOf(agent?.from)})`;
  const who = e.actor?.name ?? 'Parley';
  if (!agent) return `${who} moved the conversation${teamPart}`;
  if (agent.to && agent.to.id === e.actor?.id && !agent.from) return `${who} took the conversation${teamPart}`;
  if (!agent.to) return agent.from?.id === e.actor?.id ? `${who} handed the conversation back${teamPart}` : `${who} unassigned ${nameOf(agent.from)}${teamPart}`;
  if (agent.from && agent.from.id === e.actor?.id) return `${who} handed the conversation to ${agent.to.name}${teamPart}`;
  if (agent.from) return `${who} transferred the conversation from ${agent.from.name} to ${agent.to.name}${teamPart}`;
  return `${who} assigned the conversation to ${agent.to.name}${teamPart}`;
}

function statusText(e: Of<'status'>, at: (iso: string) => string): string {
  const { to, from, label, snoozedUntil, snoozeReason } = e.data;
  const who = e.actor?.name;
  if (to === 'resolved') return who ? `${who} resolved the conversation` : 'Resolved automatically';
  if (snoozedUntil) return `${who ?? 'Parley'} snoozed the conversation until ${at(snoozedUntil)}${snoozeReason ? `: ${snoozeReason}` : ''}`;
  if (from === 'snoozed' && snoozeReason) return `Back from snooze: ${snoozeReason}`;
  if (to === 'open' && (from === 'resolved' || !who)) return who ? `${who} reopened the conversation` : from === 'snoozed' ? 'Snooze ended: open again' : 'Reopened by a new customer message';
  return who ? `${who} set the status to ${label}` : `Status set to ${label}`;
}

function tagsText(e: Of<'tags'>): string {
  const parts = [
    e.data.added.length > 0 ? `added ${e.data.added.length === 1 ? 'tag' : 'tags'} ${e.data.added.join(', ')}` : null,
    e.data.removed.length > 0 ? `removed ${e.data.removed.length === 1 ? 'tag' : 'tags'} ${e.data.removed.join(', ')}` : null,
  ].filter(Boolean);
  return `${e.actor?.name ?? 'Parley'} ${parts.join(' and ')}`;
}

function offerText(e: Of<'offer'>): string {
  const { outcome, agent, queue } = e.data;
  switch (outcome) {
    case 'offered':
      return `Offered to ${agent.name}${queue ? ` from ${queue}` : ''}`;
    case 'accepted':
      return `${agent.name} accepted the offer`;
    case 'declined':
      return `${agent.name} declined the offer`;
    case 'expired':
      return `The offer to ${agent.name} expired`;
  }
}
