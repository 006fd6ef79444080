// Downloads of files customers sent, over real HTTP, SMTP and Postgres: a hostile or odd content
// type is never served as itself, never answers 500, and every answer is sandboxed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('attachment downloads', () => {
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => h?.close());

  /** Sends one file by email and answers its attachment row once ingested. */
  const attach = async (filename: string, contentType: string, content: Buffer) => {
    const messageId = await h.sendCustomerMail({ from: 'files@customer.test', subject: `File ${filename}`, text: 'see file', attachments: [{ filename, content, contentType }] });
    const message = await waitUntil(async () => h.testDb.db.message.findFirst({ where: { externalId: messageId }, include: { attachments: true } }), 'the message');
    return message.attachments[0]!;
  };
  const download = (id: string) => fetch(`${h.apiUrl}/api/attachments/${id}`, { headers: { authorization: `Bearer ${admin}` } });

  it('serves an HTML file as an octet-stream attachment, sandboxed and not sniffable', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const a = await attach('page.html', 'text/html', html);
    const res = await download(a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="page.html"; filename\*=UTF-8''page.html$/);
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(html);
  });

  it('serves an image inline with its own type, sandboxed', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const a = await attach('photo (1).png', 'image/png', png);
    const res = await download(a.id);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="photo (1).png"; filename*=UTF-8''photo%20%281%29.png`);
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
  });

  it('answers a file whose stored content type and name are not Latin-1 (as a provider may give them) instead of 500', async () => {
    const a = await attach('notes.txt', 'text/plain', Buffer.from('hello'));
    // Telegram's mime_type and Twilio's media type reach this column as the provider sent them.
    await h.testDb.db.attachment.update({ where: { id: a.id }, data: { contentType: 'text/plain; name="ünïcödé ✓"', filename: 'заметки ✓\ud800.txt' } });
    const res = await download(a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    // The lone surrogate became U+FFFD; the ASCII fallback name has _ for every other character.
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="_______ __.txt"; filename*=UTF-8''%D0%B7%D0%B0%D0%BC%D0%B5%D1%82%D0%BA%D0%B8%20%E2%9C%93%EF%BF%BD.txt`);
    expect(await res.text()).toBe('hello');

    await h.testDb.db.attachment.update({ where: { id: a.id }, data: { contentType: 'image/pngé' } });
    const odd = await download(a.id);
    expect(odd.status).toBe(200);
    expect(odd.headers.get('content-type')).toBe('application/octet-stream');
    expect(odd.headers.get('content-disposition')).toMatch(/^attachment; /);
  });
});
