import { createDb } from '/work/wt/reports/src/db/client.ts';
import { buildReport } from '/work/wt/reports/src/domain/reports/build-report.ts';
const db = createDb('postgresql://postgres@127.0.0.1:5432/reports_scratch_hreports', { max: 4 });
const sue = await db.agent.findFirstOrThrow({ where: { email: 's@b.test' } });
const viewer = { agentId: sue.id, workspaceId: sue.workspaceId, role: sue.role, name: sue.name, email: sue.email, teamIds: [] } as never;
const days = Number(process.argv[2] ?? 30);
const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86400000).toISOString().slice(0, 10);
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = await buildReport(db, viewer, { from, to, bucket: 'day', repeatDays: 7 }, new Date());
  console.log(days, 'days', Math.round(performance.now() - t0), 'ms', r.volume.total, r.responseTimes.next_response.count);
}
await db.$disconnect();
