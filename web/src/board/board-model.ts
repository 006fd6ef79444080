// The supervisor board's rules, kept pure for unit tests: a queue's traffic light, the waiting
// list's order (the route worker's: priority, SLA due time, arrival), wait durations and the
// stacked volume chart's layout.
import type { BoardQueue, ChannelKind, ConversationSummary, Priority } from '../api/types.ts';

/** Nobody promised a customer anything, but ten minutes in a queue is worth a supervisor's look. */
export const LONG_WAIT_SECONDS = 600;

export type Light = 'green' | 'amber' | 'red';

export interface QueueLight {
  light: Light;
  reason: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `longestWaitSeconds` is the live value (the board's figure plus the time since it was taken). */
export function queueLight(q: Pick<BoardQueue, 'waiting' | 'slaAtRisk' | 'slaBreached'>, longestWaitSeconds: number): QueueLight {
  if (q.slaBreached > 0) return { light: 'red', reason: `${plural(q.slaBreached, 'conversation')} past an SLA target` };
  if (q.slaAtRisk > 0) return { light: 'amber', reason: `${plural(q.slaAtRisk, 'conversation')} close to an SLA target` };
  if (q.waiting > 0 && longestWaitSeconds >= LONG_WAIT_SECONDS) return { light: 'amber', reason: `longest wait over ${LONG_WAIT_SECONDS / 60} minutes` };
  return { light: 'green', reason: q.waiting > 0 ? 'waiting within targets' : 'nobody waiting' };
}

/** "42s", "7m", "1h 20m", "2d 3h"; "–" for nothing. For waits and medians. */
export function humanDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) {
    const m = Math.floor((s % 3600) / 60);
    return `${Math.floor(s / 3600)}h${m ? ` ${m}m` : ''}`;
  }
  const h = Math.floor((s % 86_400) / 3600);
  return `${Math.floor(s / 86_400)}d${h ? ` ${h}h` : ''}`;
}

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

function timeOr(iso: string | null | undefined, fallback: number): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? fallback : t;
}

/** Since when a customer has waited for someone to take the conversation. */
export const waitingSince = (c: ConversationSummary): string => c.queuedAt ?? c.createdAt;

/** The order the route worker dispatches in (src/domain/routing/dispatch-waiting.ts). */
export function compareWaiting(a: ConversationSummary, b: ConversationSummary): number {
  const byPriority = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (byPriority !== 0) return byPriority;
  const dueA = timeOr(a.sla?.dueAt, Number.POSITIVE_INFINITY);
  const dueB = timeOr(b.sla?.dueAt, Number.POSITIVE_INFINITY);
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  const arrivedA = timeOr(waitingSince(a), 0);
  const arrivedB = timeOr(waitingSince(b), 0);
  if (arrivedA !== arrivedB) return arrivedA - arrivedB;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortWaiting(items: ConversationSummary[]): ConversationSummary[] {
  return [...items].filter((c) => c.status === 'open' && !c.assignee).sort(compareWaiting);
}

/** Whether a live offer holds the conversation for one agent right now. */
export function liveOffer(c: ConversationSummary, now: number): { agentId: string; expiresAt: number } | null {
  if (!c.offeredAgentId || !c.offerExpiresAt) return null;
  const expiresAt = Date.parse(c.offerExpiresAt);
  return expiresAt > now ? { agentId: c.offeredAgentId, expiresAt } : null;
}

export interface HourStack {
  hour: number;
  total: number;
  segments: { channel: ChannelKind; count: number; from: number }[];
}

export interface VolumeLayout {
  hours: HourStack[];
  /** Channels with any volume, busiest first, with their day totals (the legend). */
  channels: { channel: ChannelKind; total: number }[];
  /** The y axis: top at or above the busiest hour, gridlines every `step`. */
  axis: { max: number; step: number };
}

/** The y axis: a round step giving at most five gridlines, and the top at a whole number of steps. */
export function axisFor(busiest: number): { max: number; step: number } {
  if (busiest <= 4) return { max: Math.max(busiest, 1), step: 1 };
  const raw = busiest / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { max: Math.ceil(busiest / step) * step, step };
}

export function volumeLayout(volume: { hour: number; channel: ChannelKind; count: number }[]): VolumeLayout {
  const totals = new Map<ChannelKind, number>();
  for (const v of volume) totals.set(v.channel, (totals.get(v.channel) ?? 0) + v.count);
  const channels = [...totals.entries()].map(([channel, total]) => ({ channel, total })).sort((a, b) => b.total - a.total || a.channel.localeCompare(b.channel));
  const hours: HourStack[] = Array.from({ length: 24 }, (_, hour) => {
    let from = 0;
    const segments = channels.flatMap(({ channel }) => {
      const count = volume.filter((v) => v.hour === hour && v.channel === channel).reduce((n, v) => n + v.count, 0);
      if (count === 0) return [];
      const seg = { channel, count, from };
      from += count;
      return [seg];
    });
    return { hour, total: from, segments };
  });
  return { hours, channels, axis: axisFor(Math.max(0, ...hours.map((h) => h.total))) };
}
