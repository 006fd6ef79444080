// How the hot pure parts of routing and SLA scale, as ratios within one run (machines are noisy):
// picking an agent among 50 vs 500 candidates, and business-time arithmetic over 1 vs 30 days.
import { bench, describe } from 'vitest';
import { pickAgent, type Candidate } from '../../src/domain/routing/pick-agent.ts';
import { requirementSchema } from '../../src/domain/routing/workflow-schema.ts';
import { addBusinessMs, businessMsBetween } from '../../src/domain/sla/business-time.ts';
import { parseCalendar } from '../../src/domain/sla/calendar.ts';

function candidates(n: number): Candidate[] {
  return Array.from({ length: n }, (_, i) => ({
    agentId: `a${i}`,
    online: i % 5 !== 0,
    capacity: 100,
    load: (i * 37) % 100,
    skills: new Map([['billing', (i % 5) + 1], ['lang:de', i % 3]]),
    teamIds: [`t${i % 4}`],
    lastAssignedAt: i * 1000,
  }));
}
const requirement = requirementSchema.parse({ skills: [{ skill: 'billing', minLevel: 3 }] });
const small = candidates(50);
const large = candidates(500);

describe('pick an agent', () => {
  bench('50 candidates', () => {
    pickAgent({ candidates: small, requirement, cost: 10, lastAgentId: null });
  });
  bench('500 candidates', () => {
    pickAgent({ candidates: large, requirement, cost: 10, lastAgentId: null });
  });
});

const office = parseCalendar({
  timeZone: 'Europe/Berlin',
  weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '08:00', end: '18:00' }]])),
  holidays: ['2026-12-24', '2026-12-25'],
});
const from = new Date('2026-12-01T07:30:00Z');

describe('business time', () => {
  bench('1 day span', () => {
    businessMsBetween(office, from, new Date(from.getTime() + 86_400_000));
  });
  bench('30 day span', () => {
    businessMsBetween(office, from, new Date(from.getTime() + 30 * 86_400_000));
  });
  bench('add 4 business hours', () => {
    addBusinessMs(office, from, 4 * 3_600_000);
  });
  bench('add 40 business hours', () => {
    addBusinessMs(office, from, 40 * 3_600_000);
  });
});
