// The report's figures on a seeded dataset, checked against the same figures computed here in
// plain TypeScript (report-dataset.ts): medians and p90s in calendar and business hours (across a
// weekend and a holiday), local-day buckets either side of midnight, repeat contacts, SLA
// attainment, complaints, CSAT and agents' time online.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../../../src/db/sql.ts';
import { openTime } from '../../../src/domain/reports/report-calendar.ts';
import { sqlTime } from '../../../src/domain/reports/report-range.ts';
import { businessSeconds } from '../../../src/domain/reports/report-sql.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { CLOCK_STATUSES, seedReportFixtures } from '../../support/report-fixtures.ts';
import { berlin, buildSpecs, businessMinutes, expectedStats, firstReplyAt, FROM, HOLIDAY, localDate, RANGE_END, RANGE_START, seedSpecs, spansOf, TO, TZ, type ConversationSpec } from '../../support/report-dataset.ts';

const specs = buildSpecs();
const HOUR = 3_600_000;

describe('reports over a seeded dataset', () => {
  let h: Harness;
  let admin: string;
  let ids: Awaited<ReturnType<typeof seedReportFixtures>>;
  let report: any;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ids = await seedReportFixtures(h, specs);
    const vip = { id: ids.policies[1] };
    const saved = await h.api(admin, 'PUT', '/api/reports/settings', { complaintTags: ['complaint'], complaintPolicyIds: [vip.id] });
    expect(saved.status).toBe(200);
    const res = await h.api(admin, 'GET', `/api/reports?from=${FROM}&to=${TO}&repeatDays=7`);
    expect(res.status).toBe(200);
    report = res.body;
  });
  afterAll(async () => {
    await h?.close();
  });

  const isComplaint = (c: ConversationSpec) => c.tags.includes('complaint') || c.policy === 1;

  it('counts new conversations per local day, around Berlin midnight too', () => {
    expect(report.range).toMatchObject({ from: FROM, to: TO, timeZone: TZ, bucket: 'day', startsAt: new Date(RANGE_START).toISOString(), endsAt: new Date(RANGE_END).toISOString() });
    const days = report.volume.buckets as string[];
    expect(days).toHaveLength(11);
    const expected = days.map((d) => specs.filter((c) => localDate(c.created) === d).length);
    expect(report.volume.counts).toEqual(expected);
    expect(report.volume.total).toBe(specs.length);
    // 23:30 and 00:30 Berlin are the same UTC day (25 Nov) but two local days.
    const at = (d: string) => report.volume.counts[days.indexOf(d)];
    expect(at('2026-11-25')).toBe(specs.filter((c) => localDate(c.created) === '2026-11-25').length);
    expect(specs.filter((c) => localDate(c.created) === '2026-11-26').map((c) => c.created)).toContain(berlin('2026-11-26T00:30'));
    const series = (dim: string, label: string) => report.volume.byDimension[dim].find((s: any) => s.label === label);
    expect(series('channel', 'Texts').counts).toEqual(days.map((d) => specs.filter((c) => c.channel === 1 && localDate(c.created) === d).length));
    expect(series('team', 'Support').total).toBe(specs.filter((c) => c.team).length);
    expect(series('team', 'No team').total).toBe(specs.filter((c) => !c.team).length);
    expect(series('tag', 'complaint').total).toBe(specs.filter((c) => c.tags.includes('complaint')).length);
    expect(series('queue', 'General').total).toBe(specs.filter((_, i) => i % 2 === 0).length);
    expect(series('lifecycle', 'lead').total).toBe(specs.filter((c) => c.contact % 3 === 0).length);
  });

  it('gives first, next and resolution times in calendar and business hours as computed independently', () => {
    const spans = spansOf(specs, isComplaint);
    for (const metric of ['first_response', 'next_response', 'resolution'] as const) {
      expect({ metric, ...report.responseTimes[metric] }).toEqual({ metric, ...expectedStats(spans[metric]) });
      expect({ metric, ...report.complaints.responseTimes[metric] }).toEqual({ metric, ...expectedStats(spans[metric].filter((s) => s.complaint)) });
    }
    expect(report.calendar).toMatchObject({ name: 'Office', timeZone: TZ });
    // Not trivially empty: every metric has durations, and nights and weekends make business time shorter.
    for (const metric of ['first_response', 'next_response', 'resolution']) expect(report.responseTimes[metric].count).toBeGreaterThan(5);
    expect(report.responseTimes.resolution.businessHours.median).toBeLessThan(report.responseTimes.resolution.calendarHours.median);
  });

  it('counts no business time from Friday 17:30 to the holiday Monday, 1.5 h from Friday 16:00 to Tuesday 09:30', async () => {
    const cal = { timeZone: TZ, weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])), holidays: [HOLIDAY] };
    const open = openTime(cal, new Date(RANGE_START), new Date(RANGE_END));
    const cases = [
      { from: '2026-11-27T17:30', to: '2026-11-30T09:30', minutes: 0 },
      { from: '2026-11-27T16:00', to: '2026-12-01T09:30', minutes: 90 },
      { from: '2026-11-30T10:00', to: '2026-12-01T10:30', minutes: 90 },
      { from: '2026-11-28T10:00', to: '2026-11-29T18:00', minutes: 0 },
    ];
    for (const c of cases) {
      const [s, e] = [berlin(c.from), berlin(c.to)];
      expect(businessMinutes(s, e)).toBe(c.minutes);
      const [row] = await sqlRows<{ secs: number }>(h.testDb.db, { text: `SELECT ${businessSeconds('$1::timestamp', '$2::timestamp', 3)} AS secs` }, [sqlTime(new Date(s)), sqlTime(new Date(e)), open.starts, open.offsets, open.openAtEnd]);
      expect({ ...c, secs: row!.secs }).toEqual({ ...c, secs: c.minutes * 60 });
    }
  });

  it('gives the repeat-contact rate for 7 and 14 days', async () => {
    const rate = (days: number) => {
      const resolved = specs.filter((c) => c.resolvedAt !== null);
      const returned = resolved.filter((r) => specs.some((n) => n.contact === r.contact && n.created > r.resolvedAt! && n.created <= r.resolvedAt! + days * 24 * HOUR));
      return { days, resolved: resolved.length, returned: returned.length, rate: Math.round((returned.length / resolved.length) * 1000) / 10 };
    };
    expect(report.repeatContact).toEqual(rate(7));
    const longer = await h.api(admin, 'GET', `/api/reports?from=${FROM}&to=${TO}&repeatDays=14`);
    expect(longer.body.repeatContact).toEqual(rate(14));
    // Contact 4 came back after 9 days: counted at 14 days only.
    expect(rate(14).returned).toBeGreaterThan(rate(7).returned);
  });

  it('gives SLA attainment per policy and metric', () => {
    const statuses: readonly string[] = CLOCK_STATUSES;
    const expected = [];
    for (const [policy, name] of [[0, 'Standard'], [1, 'Escalations']] as const) {
      for (const metric of ['first_response', 'resolution']) {
        const s = specs.flatMap((c, i) => (c.policy === policy ? [statuses[(i + (metric === 'resolution' ? 1 : 0)) % 6]!] : []));
        const met = s.filter((x) => x === 'met').length;
        const breached = s.filter((x) => x === 'breached').length;
        expected.push({ policyId: ids.policies[policy], policyName: name, metric, met, breached, open: s.filter((x) => x === 'running').length, attainment: Math.round((met / (met + breached)) * 1000) / 10 });
      }
    }
    expect(report.sla).toEqual(expect.arrayContaining(expected));
    expect(report.sla).toHaveLength(4);
  });

  it('lists complaints by tag or complaint policy with their count', () => {
    const complaints = specs.map((c, i) => ({ c, i })).filter(({ c }) => isComplaint(c));
    expect(report.complaints.count).toBe(complaints.length);
    const newest = [...complaints].sort((a, b) => b.c.created - a.c.created)[0]!;
    const fr = firstReplyAt(newest.c);
    expect(report.complaints.items[0]).toMatchObject({ number: newest.i + 1, firstResponseHours: fr === null ? null : Math.round(((fr - newest.c.created) / HOUR) * 100) / 100 });
  });

  it('gives CSAT by agent, team and channel', () => {
    const surveys = specs.map((c, i) => ({ c, i })).filter(({ c }) => c.resolvedAt !== null);
    const answered = surveys.filter(({ i }) => i % 3 !== 0);
    const scores = answered.map(({ i }) => 1 + (i % 5));
    expect(report.csat.overall).toMatchObject({ sent: surveys.length, answered: answered.length, averageScore: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100, satisfied: Math.round((scores.filter((s) => s >= 4).length / scores.length) * 1000) / 10 });
    const sms = answered.filter(({ c }) => c.channel === 1);
    expect(report.csat.byChannel.find((r: any) => r.key === 'sms')).toMatchObject({ answered: sms.length });
    const ada = answered.filter(({ c }) => c.assignee === 1);
    expect(report.csat.byAgent.find((r: any) => r.key === ids.agents[1])).toMatchObject({ label: 'Ada Agent', answered: ada.length });
    expect(report.csat.byTeam.find((r: any) => r.key === ids.team)).toMatchObject({ label: 'Support', answered: answered.filter(({ c }) => c.team).length });
  });

  it('gives each agent handled, response times, time online and utilisation', () => {
    const ada = report.agents.find((a: any) => a.agentId === ids.agents[1]);
    const mine = specs.filter((c) => c.assignee === 1);
    expect(ada).toMatchObject({ name: 'Ada Agent', assigned: mine.length, handled: mine.filter((c) => c.resolvedAt !== null).length, onlineHours: 8 });
    const spans = spansOf(specs, isComplaint);
    expect(ada.firstResponse).toEqual(expectedStats(spans.first_response.filter((s) => s.agent === 1)));
    // Busy: one of Ada's conversations unresolved, minute by minute over her online time.
    const online = [[Date.parse('2026-11-24T08:00:00Z'), Date.parse('2026-11-24T12:00:00Z')], [Date.parse('2026-11-24T13:00:00Z'), Date.parse('2026-11-24T17:00:00Z')]];
    let busy = 0;
    for (const [s, e] of online) for (let t = s!; t < e!; t += 60_000) if (mine.some((c) => c.created <= t && t < (c.resolvedAt ?? RANGE_END))) busy++;
    expect(ada.utilisation).toBe(Math.round((busy / 480) * 1000) / 10);
    // Bob was online from before the range until 02:00 UTC on its first day (23:00 UTC the day before).
    expect(report.agents.find((a: any) => a.agentId === ids.agents[2]).onlineHours).toBe(3);
  });

  it('lights each figure with the thresholds, which admins change', async () => {
    const frt = report.responseTimes.first_response.businessHours.median as number;
    expect(report.lights.firstResponseMedianHours).toBe(frt <= 1 ? 'green' : frt <= 4 ? 'amber' : 'red');
    const tight = await h.api(admin, 'PUT', '/api/reports/settings', { thresholds: { firstResponseMedianHours: { green: frt / 4, amber: frt / 2 } } });
    expect(tight.status).toBe(200);
    expect(tight.body.thresholds.firstResponseMedianHours).toEqual({ green: frt / 4, amber: frt / 2 });
    expect(tight.body.thresholds.slaAttainment).toEqual({ green: 95, amber: 85 });
    const after = await h.api(admin, 'GET', `/api/reports?from=${FROM}&to=${TO}`);
    expect(after.body.lights.firstResponseMedianHours).toBe('red');
  });

  it('buckets by week from Monday', async () => {
    const res = await h.api(admin, 'GET', `/api/reports?from=${FROM}&to=${TO}&bucket=week`);
    expect(res.body.volume.buckets).toEqual(['2026-11-23', '2026-11-30']);
    expect(res.body.volume.counts).toEqual([specs.filter((c) => c.created < berlin('2026-11-30T00:00')).length, specs.filter((c) => c.created >= berlin('2026-11-30T00:00')).length]);
  });

  it('refuses bad input and callers below supervisor with clear errors', async () => {
    const ada = await h.login(h.workspace.agents[1]!.email);
    expect((await h.api(ada, 'GET', `/api/reports?from=${FROM}&to=${TO}`)).status).toBe(403);
    const backwards = await h.api(admin, 'GET', `/api/reports?from=${TO}&to=${FROM}`);
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.message).toContain('before from');
    expect((await h.api(admin, 'GET', '/api/reports?from=2026-13-01&to=2026-12-03')).status).toBe(422);
    expect((await h.api(admin, 'GET', '/api/reports?from=2024-01-01&to=2026-12-03')).body.error.message).toContain('at most 366 days');
    const foreign = await h.api(admin, 'GET', `/api/reports?from=${FROM}&to=${TO}&calendarId=nope`);
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.message).toContain('calendarId');
    const unordered = await h.api(admin, 'PUT', '/api/reports/settings', { thresholds: { slaAttainment: { green: 80, amber: 90 } } });
    expect(unordered.status).toBe(422);
    expect(unordered.body.error.message).toContain('green must be at least amber');
    expect((await h.api(admin, 'PUT', '/api/reports/settings', { complaintPolicyIds: ['nope'] })).status).toBe(422);
    expect((await h.api(ada, 'PUT', '/api/reports/settings', { complaintTags: ['x'] })).status).toBe(403);
    // Nothing was lost: the thresholds saved earlier stand.
    expect((await h.api(admin, 'GET', '/api/reports/settings')).body.complaintPolicyIds).toEqual([ids.policies[1]]);
  });
});
