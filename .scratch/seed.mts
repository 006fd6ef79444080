import pg from 'pg';
import { createDb } from '/work/wt/reports/src/db/client.ts';
import { migrate } from '/work/wt/reports/src/db/migrate.ts';
import { createWorkspace } from '/work/wt/reports/src/seed/create-workspace.ts';
import { testPasswords } from '/work/wt/reports/test/support/passwords.ts';
import { seedInbox } from '/work/wt/reports/test/bench/support/seed-inbox.ts';
import { seedReportFacts } from '/work/wt/reports/test/bench/scenarios/reports.ts';
const name = 'reports_scratch_hreports';
const admin = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = `postgresql://postgres@127.0.0.1:5432/${name}`;
await migrate(url);
const db = createDb(url, { max: 4 });
const ws = await createWorkspace({ db, passwords: testPasswords }, { name: 'B', slug: 'b', teams: ['Support'], agents: [
  { email: 'a@b.test', name: 'Alma', role: 'admin', password: 'x-password-1' }, { email: 's@b.test', name: 'Sue', role: 'supervisor', password: 'x-password-1', teams: ['Support'] }, { email: 'ada@b.test', name: 'Ada', role: 'agent', password: 'x-password-1', teams: ['Support'] }],
  channels: [{ kind: 'sms', name: 'SMS', address: '+14155550100', settings: {} }] });
const queueId = (await db.queue.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } })).id;
await seedInbox(url, { queueId, workspaceId: ws.workspace.id, channelId: ws.channels[0]!.id, teamId: ws.teams.get('Support')!, agentId: ws.agents[2]!.id, supervisorId: ws.agents[1]!.id, messagesPerConversation: 10, conversationsPerContact: 20, from: 0, to: 100_000 });
await seedReportFacts(db, url, ws.workspace.id);
console.log('seeded', ws.workspace.id);
await db.$disconnect();
