// The simulated team: shifts (early, day, late, a few part-timers), breaks and coaching spent `away`,
// a voice desk and a digital desk, and mixed skills (topics, languages, seniority) at levels 1-5.
import { HOUR_MS, MINUTE_MS, topics, type Desk, type Interval, type ShiftName, type SimAgent } from './model.ts';
import { createRng, type Rng } from './prng.ts';

const mainShifts: Record<Exclude<ShiftName, 'part-time'>, Interval> = {
  early: { start: 6 * HOUR_MS, end: 14 * HOUR_MS },
  day: { start: 9 * HOUR_MS, end: 17 * HOUR_MS },
  late: { start: 14 * HOUR_MS, end: 22 * HOUR_MS },
};
/** Shares of the full-timers; part-timers are 8% of the team. */
const shiftShares = { early: 0.3, day: 0.32, late: 0.38 } as const;
/** Part-timers cover the late morning peak and the evening. */
const partTimeShifts: Interval[] = [
  { start: 10 * HOUR_MS, end: 14 * HOUR_MS },
  { start: 17 * HOUR_MS, end: 21 * HOUR_MS },
  { start: 11 * HOUR_MS, end: 15 * HOUR_MS },
  { start: 18 * HOUR_MS, end: 22 * HOUR_MS },
];
/** Two in five full-timers of every shift sit at the voice desk. */
const voiceDeskShare = 0.4;
const languageShares = { 'lang:de': 0.18, 'lang:fr': 0.12, 'lang:ru': 0.1 } as const;
const topicShares = { billing: 0.4, tech: 0.4, sales: 0.2 } as const;
/** Capacity budget per agent in the units of defaultCapacityWeights: one call, four chats, ten emails. */
const agentCapacity = 100;

interface RosterEntry {
  shiftName: ShiftName;
  shift: Interval;
  desk: Desk;
}

/** An agent while the roster is being put together: skills still change. */
type DraftAgent = Omit<SimAgent, 'skills'> & { skills: Map<string, number> };

export function buildStaff({ seed, count }: { seed: number; count: number }): SimAgent[] {
  const rng = createRng(seed);
  const agents = shiftRoster(count).map((entry, i) => makeAgent(rng, i, entry));
  staggerBreaks(rng, agents);
  for (const shiftName of ['early', 'day', 'late'] as const) {
    for (const desk of ['voice', 'digital'] as const) {
      const crew = agents.filter((a) => a.shiftName === shiftName && a.desk === desk);
      for (const topic of topics) ensureCovered(rng, crew, topic, 3);
      for (const lang of Object.keys(languageShares)) ensureCovered(rng, crew, lang, 3);
      ensureCovered(rng, crew, 'senior', 4);
    }
  }
  return agents.map((a) => ({ ...a, teamIds: teamsOf(a.desk, a.skills) }));
}

function shiftRoster(count: number): RosterEntry[] {
  const roster: RosterEntry[] = [];
  const partTimers = count >= 20 ? Math.round(count * 0.08) : 0;
  const fullTimers = count - partTimers;
  // Spreads the voice desk evenly through each shift: 2 of every 5 at a 40% share.
  const deskOf = (k: number): Desk => (Math.floor((k + 1) * voiceDeskShare) > Math.floor(k * voiceDeskShare) ? 'voice' : 'digital');
  for (const shiftName of ['early', 'day', 'late'] as const) {
    const n = shiftName === 'late' ? fullTimers - roster.length : Math.round(fullTimers * shiftShares[shiftName]);
    for (let k = 0; k < n; k++) roster.push({ shiftName, shift: mainShifts[shiftName], desk: deskOf(k) });
  }
  for (let k = 0; k < partTimers; k++) {
    // Part-timers are phone cover for the peaks: the late morning and the evening.
    roster.push({ shiftName: 'part-time', shift: partTimeShifts[k % partTimeShifts.length]!, desk: 'voice' });
  }
  return roster;
}

function makeAgent(rng: Rng, index: number, entry: RosterEntry): DraftAgent {
  const skills = new Map<string, number>();
  const primary = rng.weighted(topicShares);
  skills.set(primary, rng.int(2, 5));
  if (rng.chance(0.5)) skills.set(rng.pick(topics.filter((t) => t !== primary)), rng.int(1, 3));
  for (const [lang, share] of Object.entries(languageShares)) {
    if (rng.chance(share)) skills.set(lang, rng.int(2, 5));
  }
  skills.set('senior', rng.int(1, 5));
  return {
    id: `agent-${String(index + 1).padStart(3, '0')}`,
    capacity: agentCapacity,
    skills,
    teamIds: [],
    ...entry,
    breaks: [],
  };
}

function teamsOf(desk: Desk, skills: ReadonlyMap<string, number>): string[] {
  const primary = [...topics].sort((x, y) => (skills.get(y) ?? 0) - (skills.get(x) ?? 0))[0]!;
  const teams = [`team-${desk}`, `team-${primary}`];
  for (const skill of skills.keys()) if (skill.startsWith('lang:')) teams.push(`team-${skill.slice(5)}`);
  return teams;
}

/**
 * Full-timers take 30 minutes for lunch 3.5 to 4.5 hours into the shift and a 15-minute break;
 * the digital desk's day and late shifts also spend an hour coaching in the 14:00-17:00 lull.
 * Slots rotate through each shift's desk so a desk never goes away all at once.
 */
function staggerBreaks(rng: Rng, agents: DraftAgent[]): void {
  const crews = new Map<string, DraftAgent[]>();
  for (const a of agents) {
    if (a.shiftName === 'part-time') continue;
    const key = `${a.shiftName}/${a.desk}`;
    crews.set(key, [...(crews.get(key) ?? []), a]);
  }
  for (const crew of crews.values()) {
    const offset = rng.int(0, 4);
    crew.forEach((agent, k) => {
      agent.breaks = breaksFor(agent, (k + offset) % 5);
    });
  }
}

/** Minutes into the shift; chosen so that no two breaks of one agent overlap. */
function breaksFor({ shiftName, shift, desk }: DraftAgent, slot: number): Interval[] {
  const shiftStart = shift.start;
  const span = (offsetMinutes: number, minutes: number) => ({
    start: shiftStart + offsetMinutes * MINUTE_MS,
    end: shiftStart + (offsetMinutes + minutes) * MINUTE_MS,
  });
  const breaks = [span(210 + slot * 15, 30), span(shiftName === 'late' ? 360 + slot * 15 : 105 + slot * 15, 15)];
  // The voice desk has no slack for it: calls cannot wait.
  if (desk === 'digital' && shiftName === 'day') breaks.push(span(300 + (slot % 3) * 60, 60));
  if (desk === 'digital' && shiftName === 'late') breaks.push(span((slot % 3) * 60, 60));
  return breaks.sort((x, y) => x.start - y.start);
}

/** Staffing planners give each shift and desk two people at the level a queue first asks for. */
function ensureCovered(rng: Rng, crew: DraftAgent[], skill: string, minLevel: number): void {
  const covers = (a: DraftAgent) => (a.skills.get(skill) ?? 0) >= minLevel;
  for (let have = crew.filter(covers).length; have < Math.min(2, crew.length); have++) {
    rng.pick(crew.filter((a) => !covers(a))).skills.set(skill, rng.int(minLevel, 5));
  }
}
