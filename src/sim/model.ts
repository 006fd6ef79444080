// The shapes of a simulated day (agents, conversations, the scenario) and its time units, shared
// by the scenario builders, the engine and the metrics.
import type { ChannelKind } from '../../channels/types.ts';
import type { RoutingFacts } from '../domain/routing/match-filter.ts';
import type { BusinessCalendar } from '../domain/sla/calendar.ts';
import type { PolicyFacts } from '../domain/sla/choose-policy.ts';
import type { Priority } from '../domain/sla/policy-schema.ts';

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * HOUR_MS;

export const topics = ['billing', 'tech', 'sales'] as const;
export type Topic = (typeof topics)[number];

/** Milliseconds since the simulated day's midnight; end is exclusive. */
export interface Interval {
  start: number;
  end: number;
}

export type ShiftName = 'early' | 'day' | 'late' | 'part-time';
/** Phone agents keep their capacity free for calls; digital agents work chat, messaging and email. */
export type Desk = 'voice' | 'digital';

export interface SimAgent {
  id: string;
  capacity: number;
  /** Skill name -> level 1..5: topics, `lang:xx`, and `senior` (seniority). */
  skills: ReadonlyMap<string, number>;
  /** `team-voice` or `team-digital`, plus a team per language spoken and one for the main topic. */
  teamIds: readonly string[];
  desk: Desk;
  shiftName: ShiftName;
  shift: Interval;
  /** Lunch and other time marked `away` within the shift. */
  breaks: Interval[];
}

export interface SimConversation {
  id: string;
  arrivalMs: number;
  channel: ChannelKind;
  priority: Priority;
  topic: Topic;
  routing: RoutingFacts;
  policy: PolicyFacts;
  /** The agent who last helped this contact, and when (ms relative to midnight, often negative). */
  previousAgent: { agentId: string; at: number } | null;
  /** How long the conversation occupies its agent's capacity once assigned. */
  handleMs: number;
}

export interface Scenario {
  seed: number;
  /** Midnight (UTC) of the simulated day; business-time arithmetic works on real instants. */
  dayStart: Date;
  dayMs: number;
  calendar: BusinessCalendar;
  agents: SimAgent[];
  conversations: SimConversation[];
}
