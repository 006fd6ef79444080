// Exports over HTTP against a real database: the exact CSV, JSON and NDJSON of a small seeded
// history (RFC 4180 quoting, unicode, formula injection neutralised, erased contacts anonymised),
// date and status filters, workspace isolation, who may export, refused queries and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleContactsSql, visibleContactsWhere } from '../../../src/domain/contacts/contact-visibility.ts';
import { binder } from '../../../src/domain/conversations/visibility.ts';
import type { Viewer } from '../../../src/domain/auth/viewer.ts';
import { sqlRows } from '../../../src/db/sql.ts';
import { download } from '../../support/download.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { seedExportFixtures } from './export-fixtures.ts';

const CONTACT_HEADER = 'id,name,email,phone,tier,lifecycle_stage,tags,attributes,identities,company_id,company,owner_id,owner,conversation_count,created_at,updated_at,erased_at';
const CONVERSATION_HEADER =
  'id,number,status,status_key,priority,channel_kind,channel_name,contact_id,contact_name,contact_email,contact_phone,assignee_id,assignee_name,team_name,queue_name,subject,topic,tags,language,message_count,created_at,first_response_at,resolved_at,last_message_at,content_erased_at';
const MESSAGE_HEADER = 'message_id,message_created_at,message_direction,message_kind,message_author_type,message_author_name,message_subject,message_text,message_delivery_status,message_sent_at,message_delivered_at,message_attachment_count';

const csv = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join('');

describe('exports', () => {
  let h: Harness;
  let admin: string;
  let supervisor: string;
  let agent: string;
  let adaId: string;
  let conv1: string;
  let conv2: string;
  let conv3: string;

  beforeAll(async () => {
    h = await startHarness();
    const { ada } = await seedExportFixtures(h);
    adaId = ada.id;
    await h.testDb.db.agent.update({ where: { id: h.workspace.agents[2]!.id }, data: { role: 'supervisor' } });
    admin = await h.login(h.workspace.agents[0]!.email);
    supervisor = await h.login(h.workspace.agents[2]!.email);
    agent = await h.login(ada.email);
    conv1 = `exp-c1,1,open,open,normal,email,Help,exp-k1,"Smith, ""Jo""",jo@example.com,,${adaId},Ada Agent,Support,,"Refund, please",,"[""billing""]",,2,2026-11-10T09:00:00.000Z,2026-11-10T09:05:00.000Z,,2026-11-10T09:00:00.000Z,`;
    conv2 = 'exp-c2,2,resolved,resolved,normal,email,Help,exp-k4,Erased contact,,,,,,,,,[],,1,2026-11-12T09:00:00.000Z,,2026-11-13T09:00:00.000Z,2026-11-12T09:00:00.000Z,2026-11-14T00:00:00.000Z';
    conv3 = 'exp-c3,3,pending,pending,high,email,Help,exp-k2,"Zoë 日本 ✓\nsecond line",,\'+4930123456,,,,,,,[],,0,2026-11-20T09:00:00.000Z,,,2026-11-20T09:00:00.000Z,';
  });
  afterAll(async () => {
    await h?.close();
  });

  it('writes the contacts as RFC 4180 CSV: quoted commas, quotes and newlines, unicode kept, formulas neutralised, erased contacts anonymised', async () => {
    const res = await download(h.apiUrl, supervisor, '/api/exports/contacts.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const day = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="parley-${h.workspace.workspace.slug}-contacts-${day}.csv"`);
    expect(res.text).toBe(
      csv(
        CONTACT_HEADER,
        `exp-k1,"Smith, ""Jo""",jo@example.com,,,,"[""vip"",""a,b""]","{""plan"":""gold""}","[""email:jo@example.com""]",exp-acme,"Acme, Inc.",${adaId},Ada Agent,1,2026-11-01T10:00:00.000Z,2026-11-01T10:00:00.000Z,`,
        `exp-k2,"Zoë 日本 ✓\nsecond line",,'+4930123456,'=1+2,,[],{},[],,,,,1,2026-11-02T10:00:00.000Z,2026-11-02T10:00:00.000Z,`,
        "exp-k3,'@SUM(A1),,,,'-lead,[],{},[],,,,,0,2026-11-03T10:00:00.000Z,2026-11-03T10:00:00.000Z,",
        'exp-k4,Erased contact,,,,,[],{},[],,,,,1,2026-11-04T10:00:00.000Z,2026-11-04T10:00:00.000Z,2026-11-05T00:00:00.000Z',
      ),
    );
  });

  it('writes the contacts as a JSON array and as NDJSON with typed values', async () => {
    const res = await download(h.apiUrl, admin, '/api/exports/contacts.json?from=2026-11-02&to=2026-11-03');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const k2 = { id: 'exp-k2', name: 'Zoë 日本 ✓\nsecond line', email: null, phone: '+4930123456', tier: '=1+2', lifecycle_stage: null, tags: [], attributes: {}, identities: [], company_id: null, company: null, owner_id: null, owner: null, conversation_count: 1, created_at: '2026-11-02T10:00:00.000Z', updated_at: '2026-11-02T10:00:00.000Z', erased_at: null };
    const k3 = { ...k2, id: 'exp-k3', name: '@SUM(A1)', phone: null, tier: null, lifecycle_stage: '-lead', conversation_count: 0, created_at: '2026-11-03T10:00:00.000Z', updated_at: '2026-11-03T10:00:00.000Z' };
    expect(JSON.parse(res.text)).toEqual([k2, k3]);
    const nd = await download(h.apiUrl, admin, '/api/exports/contacts.json?format=ndjson&from=2026-11-02&to=2026-11-03');
    expect(nd.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(nd.headers.get('content-disposition')).toMatch(/-contacts-\d{4}-\d{2}-\d{2}\.ndjson"$/);
    expect(nd.text.split('\n')).toHaveLength(3);
    expect(nd.text.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([k2, k3]);
    const none = await download(h.apiUrl, admin, '/api/exports/contacts.json?from=2030-01-01');
    expect(none.text).toBe(']\n'.padStart(3, '['));
  });

  it('writes the conversations, with their messages one line each, conversation columns repeated', async () => {
    const plain = await download(h.apiUrl, supervisor, '/api/exports/conversations.csv');
    expect(plain.status).toBe(200);
    expect(plain.text).toBe(csv(CONVERSATION_HEADER, conv1, conv2, conv3));

    const res = await download(h.apiUrl, supervisor, '/api/exports/conversations.csv?include=messages');
    expect(res.headers.get('content-disposition')).toMatch(/-conversations-messages-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.text).toBe(
      csv(
        `${CONVERSATION_HEADER},${MESSAGE_HEADER}`,
        `${conv1},exp-m1,2026-11-10T09:00:00.000Z,in,message,contact,"Smith, ""Jo""",,"Hi ""team"",\nwhere is my refund?",,,,0`,
        `${conv1},exp-m2,2026-11-10T09:05:00.000Z,out,message,agent,Ada Agent,,'=cmd|calc,sent,2026-11-10T09:05:01.000Z,,0`,
        `${conv2},exp-m3,2026-11-12T09:00:00.000Z,in,message,contact,Erased contact,,,,,,0`,
        `${conv3},,,,,,,,,,,,`,
      ),
    );
  });

  it('nests the messages in JSON and filters by date range and status', async () => {
    const res = await download(h.apiUrl, supervisor, '/api/exports/conversations.json?include=messages&status=open,resolved&from=2026-11-10T00:00:00Z&to=2026-11-12T09:00:00.001Z');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as Record<string, unknown>[];
    expect(body.map((c) => c.id)).toEqual(['exp-c1', 'exp-c2']);
    expect(body[0]).toMatchObject({ number: 1, contact_name: 'Smith, "Jo"', assignee_id: adaId, tags: ['billing'], message_count: 2, resolved_at: null });
    expect(body[0]!.messages).toEqual([
      { id: 'exp-m1', created_at: '2026-11-10T09:00:00.000Z', direction: 'in', kind: 'message', author_type: 'contact', author_name: 'Smith, "Jo"', subject: null, text: 'Hi "team",\nwhere is my refund?', delivery_status: null, sent_at: null, delivered_at: null, attachment_count: 0 },
      { id: 'exp-m2', created_at: '2026-11-10T09:05:00.000Z', direction: 'out', kind: 'message', author_type: 'agent', author_name: 'Ada Agent', subject: null, text: '=cmd|calc', delivery_status: 'sent', sent_at: '2026-11-10T09:05:01.000Z', delivered_at: null, attachment_count: 0 },
    ]);
    expect(body[1]).toMatchObject({ contact_name: 'Erased contact', contact_email: null, content_erased_at: '2026-11-14T00:00:00.000Z' });
    const pending = await download(h.apiUrl, supervisor, '/api/exports/conversations.json?status=pending&format=ndjson');
    expect(pending.text.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['exp-c3']);
    expect(JSON.parse(pending.text)).not.toHaveProperty('messages');
  });

  it('never includes another workspace’s contacts or conversations', async () => {
    const all = [
      await download(h.apiUrl, admin, '/api/exports/contacts.csv'),
      await download(h.apiUrl, admin, '/api/exports/contacts.json'),
      await download(h.apiUrl, admin, '/api/exports/conversations.csv?include=messages'),
      await download(h.apiUrl, admin, '/api/exports/conversations.json?include=messages'),
    ];
    for (const res of all) {
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('exp-o');
      expect(res.text).not.toContain('Not yours');
      expect(res.text).not.toContain('exp-k5');
      expect(res.text).not.toContain('stale@example.com');
    }
  });

  it('refuses agents and anonymous callers', async () => {
    for (const path of ['/api/exports/contacts.csv', '/api/exports/contacts.json', '/api/exports/conversations.csv', '/api/exports/conversations.json?include=messages']) {
      const refused = await download(h.apiUrl, agent, path);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).error.code).toBe('forbidden');
      expect((await download(h.apiUrl, null, path)).status).toBe(401);
    }
  });

  it('answers a bad query with a 422 naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/exports/contacts.csv?from=2026-13-45', 'from'],
      ['/api/exports/contacts.csv?from=yesterday', 'from'],
      ['/api/exports/contacts.json?from=2026-12-02&to=2026-12-01', 'to'],
      ['/api/exports/conversations.csv?status=closed', 'status'],
      ['/api/exports/conversations.csv?include=notes', 'include'],
      ['/api/exports/conversations.json?format=xml', 'format'],
      ['/api/exports/conversations.csv?format=ndjson', 'format'],
    ];
    for (const [path, field] of cases) {
      const res = await download(h.apiUrl, admin, path);
      expect(res.status, path).toBe(422);
      expect(JSON.parse(res.text).error.message, path).toContain(field);
    }
  });

  it('writes every export to the audit log with who took what', async () => {
    const before = await h.testDb.db.auditEvent.count({ where: { action: { startsWith: 'export.' } } });
    await download(h.apiUrl, supervisor, '/api/exports/conversations.csv?include=messages&status=open&from=2026-11-01');
    const entries = await h.testDb.db.auditEvent.findMany({ where: { action: { startsWith: 'export.' } }, orderBy: { createdAt: 'asc' } });
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)).toMatchObject({
      action: 'export.conversations-messages',
      actorAgentId: h.workspace.agents[2]!.id,
      targetType: 'workspace',
      targetId: h.workspace.workspace.id,
      data: { format: 'csv', from: '2026-11-01T00:00:00.000Z', to: null, statuses: ['open'], includeMessages: true },
    });
    expect(entries.some((e) => e.action === 'export.contacts')).toBe(true);
  });

  it('applies the contact visibility rule in SQL exactly as the rest of the app does', async () => {
    const db = h.testDb.db;
    const workspaceId = h.workspace.workspace.id;
    // A contact only Billing sees: Ada (Support) may not, a supervisor may.
    await db.contact.create({ data: { id: 'exp-k6', workspaceId, name: 'Billing only' } });
    await db.conversation.create({ data: { id: 'exp-c6', number: 6, workspaceId, channelId: h.workspace.channels[0]!.id, contactId: 'exp-k6', teamId: h.workspace.teams.get('Billing')! } });
    const viewers: Viewer[] = [
      { agentId: adaId, workspaceId, role: 'agent', teamIds: [h.workspace.teams.get('Support')!] },
      { agentId: h.workspace.agents[2]!.id, workspaceId, role: 'supervisor', teamIds: [] },
    ];
    const seen: string[][] = [];
    for (const v of viewers) {
      const values: unknown[] = [];
      const sql = await sqlRows<{ id: string }>(db, { text: `SELECT k.id FROM "Contact" k WHERE ${visibleContactsSql(v, 'k', binder(values))} ORDER BY k.id` }, values);
      const prisma = await db.contact.findMany({ where: visibleContactsWhere(v), orderBy: { id: 'asc' }, select: { id: true } });
      expect(sql.map((r) => r.id)).toEqual(prisma.map((r) => r.id));
      seen.push(sql.map((r) => r.id));
    }
    expect(seen[0]).not.toContain('exp-k6');
    expect(seen[1]).toContain('exp-k6');
    expect((await download(h.apiUrl, supervisor, '/api/exports/contacts.csv')).text).toContain('exp-k6,Billing only');
  });
});
