// The demo workspace's routing and SLA setup: skills, a billing queue with a skill that relaxes
// over time, office hours, a standard email SLA and a stricter complaint SLA.
import type { Deps } from '../deps.ts';
import type { Viewer } from '../domain/auth/viewer.ts';
import { setAgentSkills } from '../domain/routing/manage-agents.ts';
import { saveWorkflow } from '../domain/routing/save-workflow.ts';
import { saveCalendar } from '../domain/sla/save-business-calendar.ts';
import { savePolicy } from '../domain/sla/save-sla-policy.ts';
import { systemClock } from '../clock.ts';

export async function seedDemoRouting(deps: Pick<Deps, 'db' | 'queues' | 'log'>, admin: Viewer, agents: { ada: string; grace: string }): Promise<void> {
  const { db } = deps;
  // A new workspace has no clocks yet, so saving policies moves none; the clock is only asked.
  const slaDeps = { ...deps, clock: systemClock };
  await setAgentSkills(deps, admin, agents.ada, [{ skill: 'tech', level: 4 }, { skill: 'billing', level: 1 }, { skill: 'lang:de', level: 5 }]);
  await setAgentSkills(deps, admin, agents.grace, [{ skill: 'billing', level: 4 }, { skill: 'lang:fr', level: 3 }]);
  await db.queue.create({ data: { workspaceId: admin.workspaceId, name: 'Billing' } });
  await saveWorkflow(db, admin, {
    filters: [
      {
        name: 'Billing questions',
        when: { keywords: ['invoice', 'refund', 'payment', 'charged', 'billing'] },
        steps: [
          { queue: 'Billing', requirement: { skills: [{ skill: 'billing', minLevel: 3 }] }, timeoutSeconds: 300 },
          { queue: 'Billing', requirement: { skills: [{ skill: 'billing', minLevel: 1 }] }, timeoutSeconds: 900 },
          { queue: 'General', timeoutSeconds: 1800 },
        ],
      },
    ],
    fallback: { name: 'Everything else', steps: [{ queue: 'General', timeoutSeconds: 1800 }] },
  });
  const office = await saveCalendar(slaDeps, admin, {
    name: 'Office hours',
    timeZone: 'Europe/Berlin',
    weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '08:00', end: '18:00' }]])),
    holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01'],
  });
  await savePolicy(slaDeps, admin, {
    name: 'Complaints',
    position: 0,
    conditions: { tags: ['complaint'] },
    targets: { normal: { first_response: 30 * 60, next_response: 60 * 60, resolution: 24 * 3600 }, urgent: { first_response: 15 * 60, next_response: 30 * 60 } },
    warnBeforeSeconds: [600],
    escalation: { raisePriority: true, notifyTeamLead: true, reassign: false },
  });
  await savePolicy(slaDeps, admin, {
    name: 'Standard email',
    position: 10,
    conditions: { channel: ['email'] },
    calendarId: office.id,
    targets: {
      low: { first_response: 8 * 3600, resolution: 5 * 24 * 3600 },
      normal: { first_response: 4 * 3600, next_response: 8 * 3600, resolution: 3 * 24 * 3600 },
      urgent: { first_response: 3600, next_response: 2 * 3600, resolution: 24 * 3600 },
    },
    warnBeforeSeconds: [900],
  });
}
