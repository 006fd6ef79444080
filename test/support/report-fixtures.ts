// Seeds the reports dataset (report-dataset.ts) into a harness's workspace: the Berlin time zone,
// an office-hours calendar with a holiday, two SLA policies with clocks, CSAT surveys and presence
// history. Shared by the reports API test and the Reports page's e2e test.
import { backfillResponseWaits } from '../../src/domain/reports/backfill-response-waits.ts';
import type { Harness } from './harness.ts';
import { HOLIDAY, seedSpecs, TZ, type ConversationSpec } from './report-dataset.ts';

const HOUR = 3_600_000;
/** SLA clock statuses by conversation index (resolution clocks shifted by one). */
export const CLOCK_STATUSES = ['met', 'met', 'breached', 'running', 'met', 'cancelled'] as const;
/** Ada online 08:00-12:00 and 13:00-17:00 UTC on 24 Nov (away in between); Bob online from before the range until 02:00 UTC on 23 Nov. */
export const PRESENCE = [
  [1, 'online', '2026-11-24T08:00:00Z'], [1, 'away', '2026-11-24T12:00:00Z'], [1, 'online', '2026-11-24T13:00:00Z'], [1, 'offline', '2026-11-24T17:00:00Z'],
  [2, 'online', '2026-11-20T09:00:00Z'], [2, 'offline', '2026-11-23T02:00:00Z'],
] as const;

export async function seedReportFixtures(h: Harness, specs: ConversationSpec[]) {
  const db = h.testDb.db;
  const workspaceId = h.workspace.workspace.id;
  await db.workspace.update({ where: { id: workspaceId }, data: { timeZone: TZ } });
  const hours = [{ start: '09:00', end: '17:00' }];
  const calendar = await db.businessCalendar.create({ data: { workspaceId, name: 'Office', timeZone: TZ, weeklyHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours }, holidays: [HOLIDAY] } });
  const targets = { normal: { first_response: 3600, resolution: 86400 } };
  const standard = await db.slaPolicy.create({ data: { workspaceId, name: 'Standard', targets, calendarId: calendar.id, position: 0 } });
  const vip = await db.slaPolicy.create({ data: { workspaceId, name: 'Escalations', targets, calendarId: calendar.id, position: 1 } });
  const sms = await db.channel.create({ data: { workspaceId, kind: 'sms', name: 'Texts', address: '+15550001000' } });
  const queue = await db.queue.findFirstOrThrow({ where: { workspaceId } });
  const team = h.workspace.teams.get('Support')!;
  const agents = h.workspace.agents.map((a) => a.id);
  const policies: [string, string] = [standard.id, vip.id];
  const seeded = await seedSpecs(db, { workspaceId, channelIds: [h.workspace.channels[0]!.id, sms.id], agentIds: agents, teamId: team, queueId: queue.id, policyIds: policies }, specs);
  // The seeded replies' waits, by the rule the reply path records them with.
  await backfillResponseWaits(db, workspaceId);
  for (const [i, c] of specs.entries()) {
    if (c.policy === null) continue;
    for (const metric of ['first_response', 'resolution'] as const) {
      const status = CLOCK_STATUSES[(i + (metric === 'resolution' ? 1 : 0)) % 6]!;
      await db.slaClock.create({ data: { workspaceId, conversationId: seeded.conversationIds[i]!, policyId: policies[c.policy], metric, key: metric, targetMs: HOUR, status, startedAt: new Date(c.created) } });
    }
  }
  // CSAT: one survey per resolved conversation, answered unless its index is a multiple of 3.
  for (const [i, c] of specs.entries()) {
    if (!c.resolvedAt) continue;
    const answered = i % 3 !== 0;
    const { channelId } = await db.conversation.findUniqueOrThrow({ where: { id: seeded.conversationIds[i]! }, select: { channelId: true } });
    await db.csatSurvey.create({ data: { workspaceId, conversationId: seeded.conversationIds[i]!, channelId, style: c.channel ? 'reply' : 'link', status: answered ? 'answered' : 'sent', resolvedAt: new Date(c.resolvedAt), scheduledFor: new Date(c.resolvedAt), contactId: seeded.contactIds[c.contact]!, agentId: c.assignee === null ? null : agents[c.assignee]!, teamId: c.team ? team : null, channelKind: c.channel ? 'sms' : 'email', score: answered ? 1 + (i % 5) : null, sentAt: new Date(c.resolvedAt), answeredAt: answered ? new Date(c.resolvedAt + HOUR) : null } });
  }
  for (const [agent, presence, at] of PRESENCE) await db.agentPresenceChange.create({ data: { workspaceId, agentId: agents[agent]!, presence, at: new Date(at) } });
  return { agents, policies, conversations: seeded.conversationIds, team, calendarId: calendar.id };
}
