// The simulated team: shifts (early, day, late, a few part-timers), lunch breaks spent `away`,
// a voice desk and a digital desk, and mixed skills (topics, languages, seniority) at levels 1-5.
import { HOUR_MS, MINUTE_MS, topics, type Desk, type Interval, type ShiftName, type SimAgent } from './model.ts';
import { createRng, type Rng } from './prng.ts';

const mainShifts: Record<Exclude<ShiftName, 'part-time'>, Interval> = {
  early: { start: 6 * HOUR_MS, end: 14 * HOUR_MS },
  day: { start: 9 * HOUR_MS, end: 17 * HOUR_MS },
  late: { start: 14 * HOUR_MS, end: 22 * HOUR_MS },
};
/** Shares of the full-timers; part-timers are 8% of the team. */
const shiftShares = { early: 0.28, day: 0.38, late: 0.34 } as const;
/** Part-timers cover the late morning peak and the evening. */
const partTimeShifts: Interval[] = [
  { start: 10 * HOUR_MS, end: 14 * HOUR_MS },
  { start: 17 * HOUR_MS, end: 21 * HOUR_MS },
  { start: 11 * HOUR_MS, end: 15 * HOUR_MS },
  { start: 18 * HOUR_MS, end: 22 * HOUR_MS },
];
/** Two in five agents of every shift sit at the voice desk. */
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

export function buildStaff({ seed, count }: { seed: number; count: number }): SimAgent[] {
  const rng = createRng(seed);
  const agents = shiftRoster(count).map((entry, i) => makeAgent(rng, i, entry));
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
    roster.push({ shiftName: 'part-time', shift: partTimeShifts[k % partTimeShifts.length]!, desk: deskOf(k) });
  }
  return roster;
}

function makeAgent(rng: Rng, index: number, entry: RosterEntry): SimAgent {
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
    breaks: entry.shiftName === 'part-time' ? [] : [lunchBreak(rng, entry.shift)],
  };
}

function teamsOf(desk: Desk, skills: ReadonlyMap<string, number>): string[] {
  const primary = [...topics].sort((x, y) => (skills.get(y) ?? 0) - (skills.get(x) ?? 0))[0]!;
  const teams = [`team-${desk}`, `team-${primary}`];
  for (const skill of skills.keys()) if (skill.startsWith('lang:')) teams.push(`team-${skill.slice(5)}`);
  return teams;
}

/** 30 minutes, starting 3.5 to 4.5 hours into the shift in 15-minute steps. */
function lunchBreak(rng: Rng, shift: Interval): Interval {
  const start = shift.start + 210 * MINUTE_MS + rng.int(0, 4) * 15 * MINUTE_MS;
  return { start, end: start + 30 * MINUTE_MS };
}

/** Staffing planners make sure each shift and desk has someone at the level a queue first asks for. */
function ensureCovered(rng: Rng, crew: SimAgent[], skill: string, minLevel: number): void {
  if (crew.length === 0 || crew.some((a) => (a.skills.get(skill) ?? 0) >= minLevel)) return;
  const chosen = rng.pick(crew);
  (chosen.skills as Map<string, number>).set(skill, rng.int(minLevel, 5));
}
