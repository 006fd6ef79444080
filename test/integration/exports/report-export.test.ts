// The report export: GET /api/exports/report.csv|.json gives every figure of GET /api/reports for
// the same query, one row each, so what a spreadsheet receives is what the Reports page shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFigureColumns } from '../../../src/domain/exports/report-figures.ts';
import { download } from '../../support/download.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { seedReportFixtures } from '../../support/report-fixtures.ts';
import { buildSpecs, FROM, TO } from '../../support/report-dataset.ts';

interface Figure {
  section: string;
  dimension: string | null;
  key: string | null;
  label: string | null;
  bucket: string | null;
  measure: string;
  value: number | null;
  unit: string;
  light: string | null;
}

describe('the report export', () => {
  let h: Harness;
  let admin: string;
  let agent: string;
  let report: any;
  let figures: Figure[];
  const query = `from=${FROM}&to=${TO}&repeatDays=7`;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    agent = await h.login(h.workspace.agents[1]!.email);
    await seedReportFixtures(h, buildSpecs());
    const res = await h.api(admin, 'GET', `/api/reports?${query}`);
    expect(res.status).toBe(200);
    report = res.body;
    const json = await download(h.apiUrl, admin, `/api/exports/report.json?${query}`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="parley-.+-report-\d{4}-\d{2}-\d{2}\.json"/);
    figures = JSON.parse(json.text);
  });
  afterAll(async () => {
    await h?.close();
  });

  const one = (where: Partial<Figure>) => {
    const found = figures.filter((f) => Object.entries(where).every(([k, v]) => f[k as keyof Figure] === v));
    expect(found, JSON.stringify(where)).toHaveLength(1);
    return found[0]!;
  };

  it('carries the volume per bucket and per dimension as the report counts it', () => {
    expect(one({ section: 'volume', dimension: null, bucket: null }).value).toBe(report.volume.total);
    for (const [i, bucket] of (report.volume.buckets as string[]).entries()) expect(one({ section: 'volume', dimension: null, bucket }).value).toBe(report.volume.counts[i]);
    for (const [dimension, series] of Object.entries(report.volume.byDimension as Record<string, any[]>)) {
      for (const s of series) {
        expect(one({ section: 'volume', dimension, key: s.key, bucket: null }).value).toBe(s.total);
        const points = figures.filter((f) => f.section === 'volume' && f.dimension === dimension && f.key === s.key && f.bucket !== null).map((f) => f.value);
        expect(points).toEqual(s.counts);
      }
    }
  });

  it('carries response times, SLA, repeat contacts, CSAT, agents and the headline lights', () => {
    for (const metric of ['first_response', 'next_response', 'resolution']) {
      const t = report.responseTimes[metric];
      expect(one({ section: 'response_times', measure: `${metric}.business_hours.median` }).value).toBe(t.businessHours.median);
      expect(one({ section: 'response_times', measure: `${metric}.calendar_hours.p90` }).value).toBe(t.calendarHours.p90);
      expect(one({ section: 'response_times', measure: `${metric}.count` }).value).toBe(t.count);
    }
    expect(report.sla.length).toBeGreaterThan(0);
    for (const s of report.sla) expect(one({ section: 'sla', key: s.policyId, measure: `${s.metric}.attainment` }).value).toBe(s.attainment);
    expect(one({ section: 'repeat_contact', measure: 'rate' }).value).toBe(report.repeatContact.rate);
    expect(one({ section: 'complaints', measure: 'conversations' }).value).toBe(report.complaints.count);
    expect(one({ section: 'csat', dimension: null, measure: 'satisfied' }).value).toBe(report.csat.overall.satisfied);
    for (const c of report.csat.byAgent) expect(one({ section: 'csat', dimension: 'agent', key: c.key, measure: 'answered' }).value).toBe(c.answered);
    expect(report.agents.length).toBeGreaterThan(0);
    for (const a of report.agents) {
      expect(one({ section: 'agents', key: a.agentId, measure: 'handled' }).value).toBe(a.handled);
      expect(one({ section: 'agents', key: a.agentId, measure: 'utilisation' }).value).toBe(a.utilisation);
    }
    for (const [measure, light] of Object.entries(report.lights)) {
      const f = one({ section: 'headline', measure });
      expect(f.light).toBe(light);
      expect(f.value).toBe(report.headline[measure]);
    }
  });

  it('writes the same rows as CSV, with the documented header', async () => {
    const csv = await download(h.apiUrl, admin, `/api/exports/report.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(reportFigureColumns.map((c) => c.name).join(','));
    expect(lines).toHaveLength(figures.length + 1);
    expect(lines).toContain(`volume,,,All conversations,,conversations,${report.volume.total},count,`);
    const nd = await download(h.apiUrl, admin, `/api/exports/report.json?${query}&format=ndjson`);
    expect(nd.text.trim().split('\n').map((l) => JSON.parse(l))).toEqual(figures);
  });

  it('is for supervisors, checks its query and is audited', async () => {
    const refused = await download(h.apiUrl, agent, `/api/exports/report.csv?${query}`);
    expect(refused.status).toBe(403);
    expect((await download(h.apiUrl, null, `/api/exports/report.csv?${query}`)).status).toBe(401);
    const bad = await download(h.apiUrl, admin, `/api/exports/report.csv?from=${FROM}`);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('to');
    expect((await download(h.apiUrl, admin, `/api/exports/report.csv?${query}&format=ndjson`)).status).toBe(422);
    const audited = await h.testDb.db.auditEvent.findMany({ where: { action: 'export.report' } });
    expect(audited.length).toBeGreaterThanOrEqual(3);
    expect(audited[0]!.data).toMatchObject({ from: FROM, to: TO, repeatDays: 7 });
  });
});
