// Export and erasure end to end: a customer writes by email (with a file) and SMS, an agent
// answers quoting them and an admin edits them; the export holds all of it; after the erasure no
// table, search index, attachment file or Redis key holds their email, phone, name or words, while
// their conversations still count and another customer's data (and a file both sent) stays.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sid, startFakeTwilio, twilioWebhookPoster, type FakeTwilio } from '../../support/fake-twilio.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { testRedisUrl } from '../../support/env.ts';
import { scanDatabase, scanDirectory, scanRedis } from '../../support/personal-data-scan.ts';

const run = promisify(execFile);
const PUBLIC_URL = 'https://parley.example.test';
const SMS_NUMBER = '+14155550100';
const tag = randomBytes(4).toString('hex');
const EMAIL = `erin.${tag}@customer.test`;
const PHONE = `+1415${String(parseInt(tag, 16) % 10_000_000).padStart(7, '0')}`;
const NAME = `Erin Quellgrove${tag}`;
const WORDS = `zorbulate${tag}`;
const SMS_WORDS = `smsquux${tag}`;
const FILE_TEXT = `filecontent-${tag}-only-in-the-attachment`;
const SHARED_FILE = Buffer.from(`the same brochure everyone sends ${tag}`);

describe('contact export and erasure', () => {
  let h: Harness;
  let fake: FakeTwilio;
  let admin: string;
  let agent: string;
  let contactId: string;
  let emailConv: string;
  let smsConv: string;
  let bystanderConv: string;
  let work: string;
  let visitorId: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'parley-erase-'));
    fake = await startFakeTwilio();
    h = await startHarness({
      env: { PUBLIC_URL, TWILIO_API_BASE: fake.url },
      channels: [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings: { accountSid: fake.accountSid, authToken: fake.authToken } }],
    });
    admin = await h.login(h.workspace.agents[0]!.email);
    agent = await h.login(h.workspace.agents[1]!.email);
    const post = twilioWebhookPoster({ apiUrl: h.apiUrl, publicUrl: PUBLIC_URL, authToken: fake.authToken });

    bystanderConv = await h.conversationFor(
      await h.sendCustomerMail({ from: 'Other Person <other@customer.test>', subject: 'Brochure', text: 'Here is the brochure.', attachments: [{ filename: 'brochure.txt', content: SHARED_FILE }] }),
    );
    emailConv = await h.conversationFor(
      await h.sendCustomerMail({
        from: `${NAME} <${EMAIL}>`,
        subject: `Question ${WORDS}`,
        text: `Hello, my number is ${PHONE} and the word is ${WORDS}.`,
        attachments: [
          { filename: `passport-${tag}.txt`, content: Buffer.from(FILE_TEXT) },
          { filename: 'brochure.txt', content: SHARED_FILE },
        ],
      }),
    );
    contactId = (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: emailConv } })).contactId;
    // The phone is hers (as the contact-linking flow would record it); her text then lands on her.
    await h.testDb.db.contactIdentity.create({ data: { workspaceId: h.workspace.workspace.id, contactId, channelKind: 'sms', address: PHONE } });
    // She also chatted on the website: her visitor row's id is her chat identity's address.
    const visitor = await h.testDb.db.webchatVisitor.create({ data: { workspaceId: h.workspace.workspace.id, channelId: h.workspace.channels[0]!.id, tokenHash: randomBytes(16).toString('hex') } });
    visitorId = visitor.id;
    await h.testDb.db.contactIdentity.create({ data: { workspaceId: h.workspace.workspace.id, contactId, channelKind: 'webchat', address: visitorId } });
    const sms = { MessageSid: sid('SM'), AccountSid: fake.accountSid, From: PHONE, To: SMS_NUMBER, Body: `Texting too: ${SMS_WORDS}`, NumMedia: '0', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    expect((await post('/webhooks/twilio/messages', sms)).status).toBe(200);
    smsConv = await h.conversationFor(sms.MessageSid);
    // A forged request naming her is kept as a rejected webhook.
    expect((await post('/webhooks/twilio/messages', { ...sms, MessageSid: sid('SM') }, { signature: 'forged' })).status).toBe(403);

    expect((await h.api(admin, 'POST', `/api/conversations/${emailConv}/messages`, { text: `You wrote "${WORDS}", we will call ${PHONE}.` })).status).toBe(202);
    expect((await h.api(admin, 'POST', `/api/conversations/${emailConv}/notes`, { text: `@Ada Agent please check ${WORDS}` })).status).toBe(201);
    await h.testDb.db.attributeDefinition.create({ data: { workspaceId: h.workspace.workspace.id, key: 'account', label: 'Account', type: 'text' } });
    expect((await h.api(admin, 'PATCH', `/api/contacts/${contactId}`, { name: NAME, tier: 'gold', attributes: { account: WORDS } })).status).toBe(200);
    await h.queuesDrained(['ingest', 'deliver', 'media']);
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
    await rm(work, { recursive: true, force: true });
  });

  const download = (token: string) => fetch(`${h.apiUrl}/api/contacts/${contactId}/export`, { headers: { authorization: `Bearer ${token}` } });

  it('exports the contact as a zip with contact.json and the attachment files, for admins only', async () => {
    expect((await download(agent)).status).toBe(403);
    const res = await download(admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = path.join(work, 'export.zip');
    await writeFile(zip, Buffer.from(await res.arrayBuffer()));
    const out = path.join(work, 'export');
    await run('unzip', ['-q', zip, '-d', out]);
    const doc = JSON.parse(await readFile(path.join(out, 'contact.json'), 'utf8'));
    expect(doc.contact).toMatchObject({ id: contactId, name: NAME, tier: 'gold', attributes: { account: WORDS } });
    expect(doc.identities.map((i: any) => [i.channelKind, i.address]).sort()).toEqual([['email', EMAIL], ['sms', PHONE], ['webchat', visitorId]]);
    expect(doc.conversations.map((c: any) => c.id).sort()).toEqual([emailConv, smsConv].sort());
    const texts = doc.conversations.flatMap((c: any) => c.messages.map((m: any) => `${m.direction}:${m.kind}:${m.text.trim()}`));
    expect(texts).toEqual(
      expect.arrayContaining([
        `in:message:Hello, my number is ${PHONE} and the word is ${WORDS}.`,
        `out:message:You wrote "${WORDS}", we will call ${PHONE}.`,
        `out:note:@Ada Agent please check ${WORDS}`,
        `in:message:Texting too: ${SMS_WORDS}`,
      ]),
    );
    const files = doc.conversations.flatMap((c: any) => c.messages.flatMap((m: any) => m.attachments));
    expect(files.map((f: any) => f.filename).sort()).toEqual(['brochure.txt', `passport-${tag}.txt`]);
    const passport = files.find((f: any) => f.filename.startsWith('passport'));
    expect(await readFile(path.join(out, passport.file), 'utf8')).toBe(FILE_TEXT);
    expect((await readdir(path.join(out, 'attachments'))).length).toBe(2);
    const audit = await h.testDb.db.auditEvent.findMany({ where: { action: 'contact.export', targetId: contactId } });
    expect(audit.map((a) => a.actorAgentId)).toEqual([h.workspace.agents[0]!.id]);
  });

  it('refuses an erasure without the typed confirmation, or by an agent, and keeps everything', async () => {
    const wrong = await h.api(admin, 'POST', `/api/contacts/${contactId}/erase`, { confirm: 'erase please' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toMatch(/confirm/i);
    expect((await h.api(agent, 'POST', `/api/contacts/${contactId}/erase`, { confirm: 'ERASE' })).status).toBe(403);
    expect(await h.testDb.db.contactIdentity.count({ where: { contactId } })).toBe(3);
    expect((await h.testDb.db.contact.findUniqueOrThrow({ where: { id: contactId } })).name).toBe(NAME);
  });

  it('erases: no table, search index, file or Redis key holds her data; the conversations still count', async () => {
    const needles = [EMAIL, PHONE, NAME, WORDS, SMS_WORDS, FILE_TEXT, `passport-${tag}`];
    // The scans do find her before: every needle in the database, her file in the data directory.
    expect(new Set((await scanDatabase(h.testDb.url, needles)).map((x) => x.needle))).toEqual(new Set(needles));
    expect((await scanDirectory(h.rt.config.DATA_DIR, needles)).map((x) => x.needle)).toContain(FILE_TEXT);
    const before = await h.api(admin, 'GET', '/api/supervisor/board');
    const res = await h.api(admin, 'POST', `/api/contacts/${contactId}/erase`, { confirm: 'ERASE' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contactId, conversations: 2, identities: 3, attachments: 2, files: { deleted: 1, kept: 1, failed: 0 } });

    expect(await scanDatabase(h.testDb.url, needles)).toEqual([]);
    expect(await scanDirectory(h.rt.config.DATA_DIR, needles)).toEqual([]);
    expect(await scanRedis(testRedisUrl, h.rt.config.QUEUE_PREFIX, needles)).toEqual([]);
    const indexed = await h.testDb.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Message" WHERE "searchVector" @@ to_tsquery('simple', ${WORDS})`;
    expect(Number(indexed[0]!.n)).toBe(0);
    for (const q of [WORDS, EMAIL, PHONE, 'Quellgrove']) expect((await h.api(admin, 'GET', `/api/search?q=${encodeURIComponent(q)}`)).body.items).toEqual([]);

    // The conversations stay, with their channel and status, on the anonymised contact.
    const conversations = await h.testDb.db.conversation.findMany({ where: { id: { in: [emailConv, smsConv] } }, include: { messages: true, channel: true } });
    expect(conversations.map((c) => c.channel.kind).sort()).toEqual(['email', 'sms']);
    expect(conversations.every((c) => c.contactId === contactId && c.contentErasedAt !== null && c.messages.length > 0)).toBe(true);
    expect(await h.testDb.db.contact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({ name: 'Erased contact', email: null, phone: null, tags: [], attributes: {} });
    const after = await h.api(admin, 'GET', '/api/supervisor/board');
    expect(after.body.today.conversations).toBe(before.body.today.conversations);
    expect(after.body.today.conversations).toBeGreaterThanOrEqual(3);

    expect(await h.testDb.db.webchatVisitor.count({ where: { id: visitorId } })).toBe(0);

    const entry = await h.testDb.db.auditEvent.findFirstOrThrow({ where: { action: 'contact.erase' } });
    expect(entry).toMatchObject({ actorAgentId: h.workspace.agents[0]!.id, targetId: contactId, contactId });
    expect(JSON.stringify(entry.data)).not.toMatch(new RegExp(`${tag}|@`));
  });

  it('leaves another customer alone, and the file they also sent', async () => {
    const other = await h.api(admin, 'GET', `/api/conversations/${bystanderConv}`);
    expect(other.body.messages.map((m: any) => m.text.trim())).toEqual(['Here is the brochure.']);
    const file = other.body.messages[0].attachments[0];
    const res = await fetch(`${h.apiUrl}/api/attachments/${file.id}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(Buffer.from(await res.arrayBuffer()).equals(SHARED_FILE)).toBe(true);
    expect(await h.testDb.db.pendingFileDeletion.count()).toBe(0);
  });

  it('when she writes again she is a new contact, not the erased, anonymised one', async () => {
    const again = await h.conversationFor(await h.sendCustomerMail({ from: EMAIL, subject: 'Back again', text: 'Hello again' }));
    const conv = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: again }, include: { contact: true } });
    expect(conv.contactId).not.toBe(contactId);
    expect(conv.contact).toMatchObject({ erasedAt: null });
    expect(await h.testDb.db.contactIdentity.count({ where: { contactId } })).toBe(0);
  });
});
