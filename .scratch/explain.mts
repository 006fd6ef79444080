import pg from 'pg';
import { conversationTimesStatement, nextResponseStatement, complaintNextResponseStatement } from '/work/wt/reports/src/domain/reports/response-times.ts';
import { volumeStatement } from '/work/wt/reports/src/domain/reports/volume-report.ts';
import { slaStatement } from '/work/wt/reports/src/domain/reports/sla-attainment.ts';
import { repeatStatement } from '/work/wt/reports/src/domain/reports/repeat-contacts.ts';
import { csatStatement } from '/work/wt/reports/src/domain/reports/csat-report.ts';
import { agentActivityStatement } from '/work/wt/reports/src/domain/reports/agent-activity.ts';
import { complaintItemsStatement } from '/work/wt/reports/src/domain/reports/complaint-items.ts';
import { openTime } from '/work/wt/reports/src/domain/reports/report-calendar.ts';
const c = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/' + process.argv[2] });
await c.connect();
if (process.env.NOJIT) await c.query("SET jit = off; SET work_mem = '64MB'");
const ws = (await c.query('select id from "Workspace" limit 1')).rows[0].id;
const days = Number(process.argv[3] ?? 30);
const end = new Date(); const start = new Date(Date.now() - days * 86400000); const lb = new Date(start.getTime() - 90 * 86400000);
const t = (d: Date) => d.toISOString().replace('Z', '');
const hours = [{ start: '09:00', end: '17:00' }];
const open = openTime({ timeZone: 'Europe/Berlin', weeklyHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours }, holidays: [] }, lb, end);
const base = [ws, t(start), t(end)];
const list: [string, string, unknown[]][] = [
  ['ctimes', conversationTimesStatement.text, [...base, open.starts, open.offsets, open.openAtEnd, ['complaint'], []]],
  ['next', nextResponseStatement.text, [...base, open.starts, open.offsets, open.openAtEnd]],
  ['cnext', complaintNextResponseStatement.text, [...base, open.starts, open.offsets, open.openAtEnd, ['complaint'], []]],
  ['volume', volumeStatement.text, [...base, 'day', 'Europe/Berlin']],
  ['sla', slaStatement.text, base], ['repeat', repeatStatement.text, [...base, 7]], ['csat', csatStatement.text, base],
  ['agents', agentActivityStatement.text, [...base, t(end)]], ['complaints', complaintItemsStatement.text, [...base, ['complaint'], []]],
];
for (const [name, sql, params] of list) {
  if (process.argv[4] && process.argv[4] !== name) continue;
  const t0 = performance.now();
  const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  console.log(`== ${name} ${Math.round(performance.now() - t0)} ms`);
  if (process.argv[5]) console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
}
await c.end();
