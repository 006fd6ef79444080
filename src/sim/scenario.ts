// The simulated day as plain data, built from a seed: who works when with which skills
// (staff.ts), which conversations arrive when (traffic.ts), and the calendar SLA clocks count in.
import { parseCalendar } from '../domain/sla/calendar.ts';
import { DAY_MS, type Interval, type Scenario, type SimAgent } from './model.ts';
import { deriveSeed } from './prng.ts';
import { buildStaff } from './staff.ts';
import { buildTraffic } from './traffic.ts';

export interface ScenarioOptions {
  seed: number;
  agents: number;
  conversations: number;
}

// The contact center answers around the clock (messages and email are accepted at night even if
// nobody is on shift), so SLA clocks run 24/7; a calendar with hours would be parsed the same way.
const contactCenterCalendar = { timeZone: 'UTC', weeklyHours: {}, holidays: [], alwaysOpen: true };

export function buildScenario(options: ScenarioOptions): Scenario {
  const agents = buildStaff({ seed: deriveSeed(options.seed, 'staff'), count: options.agents });
  const conversations = buildTraffic({ seed: deriveSeed(options.seed, 'traffic'), count: options.conversations, agents });
  return {
    seed: options.seed,
    dayStart: new Date(Date.UTC(2026, 2, 2)),
    dayMs: DAY_MS,
    calendar: parseCalendar(contactCenterCalendar),
    agents,
    conversations,
  };
}

/** The periods an agent is online: the shift minus its breaks, in order. */
export function onlineIntervals(agent: SimAgent): Interval[] {
  const result: Interval[] = [];
  let cursor = agent.shift.start;
  for (const b of [...agent.breaks].sort((x, y) => x.start - y.start)) {
    if (b.start > cursor) result.push({ start: cursor, end: Math.min(b.start, agent.shift.end) });
    cursor = Math.max(cursor, b.end);
  }
  if (agent.shift.end > cursor) result.push({ start: cursor, end: agent.shift.end });
  return result;
}
