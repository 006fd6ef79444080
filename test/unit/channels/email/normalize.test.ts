// normalizeEmail over hand-written real-world message shapes (test/fixtures/email) and a few
// one-off messages built inline for the edge cases.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../../channels/email/normalize.ts';
import { ParseError, type WrittenInbound } from '../../../../channels/types.ts';

const fixtures = new URL('../../../fixtures/email/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixtures));
const parse = (name: string) => normalizeEmail(fixture(name));
const message = (headers: string[], body = 'Hello there') => Buffer.from([...headers, '', body].join('\r\n'));
/** The bounce details of a bounce, null for any other kind of item. */
const bounceOf = (inbound: WrittenInbound) => (inbound.kind === 'bounce' ? inbound.bounce : null);

describe('normalizeEmail: encodings', () => {
  it('reads a plain ASCII message with lower-cased sender and the Message-ID as externalId', async () => {
    const inbound = await parse('plain-ascii.eml');
    expect(inbound).toMatchObject({
      channel: 'email',
      externalId: '<CAF1x9k2plain@mail.example.com>',
      kind: 'message',
      from: { address: 'jane.doe@example.com', name: 'Jane Doe' },
      to: ['support@acme.test'],
      subject: 'Cannot log in to my account',
      quotedText: null,
      html: null,
      inReplyTo: null,
      references: [],
      thread: { refs: [], topic: 'cannot log in to my account' },
      attachments: [],
    });
    expect(inbound.text).toBe(
      'Hi,\n\nSince this morning I cannot log in to my account. The page says\n"invalid session" and sends me back to the login form.\n\nJane',
    );
    expect(inbound.sentAt?.toISOString()).toBe('2025-03-04T09:12:40.000Z');
  });

  it('decodes UTF-8 quoted-printable with soft line breaks, accents and emoji, and adds Cc to recipients', async () => {
    const inbound = await parse('utf8-quoted-printable.eml');
    expect(inbound.subject).toBe('Commande n° 4521 – colis abîmé');
    expect(inbound.from).toEqual({ address: 'elodie.marechal@example.fr', name: 'Élodie Maréchal' });
    expect(inbound.text).toContain('la boîte était écrasée et le vase en céramique est cassé en trois morceaux');
    expect(inbound.text).toContain('remplaçant ? 🙏');
    expect(inbound.to).toEqual(['support@acme.test', 'service.client@acme.test']);
    expect(inbound.sentAt?.toISOString()).toBe('2025-03-05T13:03:11.000Z');
  });

  it('decodes an ISO-8859-1 body and =?ISO-8859-1?Q?...?= encoded words', async () => {
    const inbound = await parse('latin1-encoded-word-subject.eml');
    expect(inbound.subject).toBe('Rücksendung für Bestellung 88213');
    expect(inbound.from).toEqual({ address: 'j.weiss@example.de', name: 'Jürgen Weiß' });
    expect(inbound.text).toContain('ich möchte die Jacke (Größe M) zurücksenden, sie ist leider zu groß.');
    expect(inbound.thread.topic).toBe('rücksendung für bestellung 88213');
  });

  it('decodes a Windows-1251 Cyrillic body and subject', async () => {
    const inbound = await parse('windows-1251-cyrillic.eml');
    expect(inbound.subject).toBe('Не приходит код подтверждения');
    expect(inbound.from.name).toBe('Алексей Иванов');
    expect(inbound.text).toContain('Уже третий день не приходит SMS с кодом подтверждения.');
    expect(inbound.thread.topic).toBe('не приходит код подтверждения');
  });

  it('decodes an ISO-2022-JP Japanese body and subject', async () => {
    const inbound = await parse('iso-2022-jp-japanese.eml');
    expect(inbound.subject).toBe('請求書の再発行について');
    expect(inbound.from).toEqual({ address: 'taro.yamada@example.jp', name: '山田太郎' });
    expect(inbound.text).toContain('宛名は「株式会社サンプル」でお願いします。');
    expect(inbound.sentAt?.toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });

  it('decodes a base64 body and trims the "Sent from my iPhone" signature into quotedText', async () => {
    const inbound = await parse('base64-body.eml');
    expect(inbound.subject).toBe('Cambio de dirección');
    expect(inbound.text).toBe(
      'Hola,\n\n¿Podrían cambiar la dirección de envío de mi pedido #7731 a Calle Mayor 12, 28013 Madrid?\n\nGracias\nNuria',
    );
    expect(inbound.quotedText).toBe('Sent from my iPhone');
  });
});

describe('normalizeEmail: MIME structure', () => {
  it('takes the text part of multipart/alternative and keeps formatting, tables and safe links in html', async () => {
    const inbound = await parse('multipart-alternative.eml');
    expect(inbound.text).toContain('Pricing page: https://acme.test/pricing');
    expect(inbound.html).toContain('<strong>Team plan</strong>');
    expect(inbound.html).toContain('<td>Team</td><td>12</td>');
    expect(inbound.html).toMatch(/<a [^>]*href="https:\/\/acme\.test\/pricing"/);
    expect(inbound.html).toMatch(/<a [^>]*rel="noopener noreferrer nofollow"/);
    expect(inbound.html).toMatch(/<a [^>]*target="_blank"/);
    expect(inbound.to).toEqual(['support@acme.test', 'billing@acme.test']);
    expect(inbound.from.name).toBe('Chen, Wei');
  });

  it('returns a base64 PDF attachment with its bytes, and names a nameless part from its type', async () => {
    const inbound = await parse('multipart-mixed-pdf.eml');
    expect(inbound.text).toBe('Please see the attached invoice: line 3 is billed twice.\nThe order lines are in the CSV.');
    const [pdf, csv] = inbound.attachments;
    expect(pdf).toMatchObject({ filename: 'invoice-2025-0142.pdf', contentType: 'application/pdf', size: 193, inline: false });
    expect(pdf?.contentId).toBeUndefined();
    expect(pdf?.content?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf?.content?.length).toBe(193);
    expect(csv).toMatchObject({ filename: 'attachment-2.csv', contentType: 'text/csv', size: 24, inline: false });
    expect(csv?.content?.toString('utf8')).toBe('sku,qty\nA-100,2\nB-200,1\n');
  });

  it('marks a multipart/related cid image inline, keeps the cid: reference and derives text from the HTML', async () => {
    const inbound = await parse('multipart-related-inline-image.eml');
    expect(inbound.attachments).toHaveLength(1);
    expect(inbound.attachments[0]).toMatchObject({
      filename: 'logo.png',
      contentType: 'image/png',
      size: 70,
      contentId: 'logo@globex.example',
      inline: true,
    });
    expect(inbound.html).toContain('src="cid:logo@globex.example"');
    expect(inbound.text).toContain('Your logo renders like this for us:');
    expect(inbound.text).toContain('Can you check?');
  });

  it('strips scripts, styles, frames, forms, event handlers and javascript: URLs from HTML-only mail', async () => {
    const inbound = await parse('html-only-hostile.eml');
    const html = inbound.html ?? '';
    for (const banned of ['<script', 'alert(1)', '<style', 'onerror', 'onload', 'onclick', 'javascript:', '<iframe', '<object', '<form', '<input', 'data:text/html']) {
      expect(html).not.toContain(banned);
    }
    expect(html).toContain('<p>Please see my screenshot below.</p>');
    expect(html).toContain('src="https://cdn.evil.example/shot.png"');
    expect(html).toMatch(/<a [^>]*href="https:\/\/evil\.example\/help"/);
    expect(inbound.text).toContain('Please see my screenshot below.');
    expect(inbound.text).not.toContain('alert(1)');
  });
});

describe('normalizeEmail: replies and threading', () => {
  it('trims a Gmail reply\'s "-- " signature and wrapped "On ... wrote:" history into quotedText', async () => {
    const inbound = await parse('gmail-reply.eml');
    expect(inbound.text).toBe('Thanks, that fixed it! The export works again.\n\nOne more thing: can I schedule it weekly?');
    expect(inbound.quotedText).toContain('-- \nSam Lee\nData team, Globex');
    expect(inbound.quotedText).toContain('> Please clear the cache and try the export again.');
    expect(inbound.quotedText).toContain('>> The CSV export is broken.');
  });

  it('reads In-Reply-To and folded References, and orders thread refs newest-first', async () => {
    const inbound = await parse('gmail-reply.eml');
    expect(inbound.inReplyTo).toBe('<1741018800.abc@acme.test>');
    expect(inbound.references).toEqual(['<CAHx1original@mail.gmail.com>', '<1741018800.abc@acme.test>']);
    expect(inbound.thread).toEqual({
      refs: ['<1741018800.abc@acme.test>', '<CAHx1original@mail.gmail.com>'],
      topic: 'csv export broken',
    });
  });

  it('trims an Outlook signature and "-----Original Message-----" block, and is a message despite X-Auto-Response-Suppress', async () => {
    const inbound = await parse('outlook-reply.eml');
    expect(inbound.text).toBe(
      'Hello team,\n\nThe invoice still shows our old VAT number (GB123456789). Could you correct it and send a new copy?',
    );
    expect(inbound.quotedText?.startsWith('Kind regards,\nPeter Novak')).toBe(true);
    expect(inbound.quotedText).toContain('-----Original Message-----');
    expect(inbound.quotedText).toContain('we have updated your billing details.');
    expect(inbound.kind).toBe('message');
    expect(inbound.thread.topic).toBe('invoice 2025-0142');
  });

  it('cuts a German Outlook "Von:/Gesendet:/Betreff:" block that names no address', async () => {
    const inbound = await parse('outlook-de-header-block.eml');
    expect(inbound.text).toBe('Hallo,\n\ngibt es schon Neuigkeiten zur Erstattung?\n\nMaria');
    expect(inbound.quotedText?.startsWith('Von: Acme Support\nGesendet: Montag, 3. März 2025 14:15')).toBe(true);
    expect(inbound.quotedText).toContain('wir prüfen das und melden uns.');
    expect(inbound.subject).toBe('AW: AW: [#1077] Erstattung für Auftrag 5531');
    expect(inbound.thread).toEqual({ refs: ['<msg_91@acme.test>'], topic: 'erstattung für auftrag 5531' });
  });

  it('keeps the whole text when everything in it would count as quoted', async () => {
    const body = 'On Mon, 3 Mar 2025 at 10:00, Acme <support@acme.test> wrote:\r\n\r\n> Your ticket is solved.\r\n';
    const inbound = await normalizeEmail(message(['From: a@example.com', 'Subject: Re: solved'], body));
    expect(inbound.text).toBe('On Mon, 3 Mar 2025 at 10:00, Acme <support@acme.test> wrote:\n\n> Your ticket is solved.');
    expect(inbound.quotedText).toBeNull();
  });

  it('trims a huge crafted body quickly, keeping it whole', async () => {
    const body = 'Op dit moment schreef iemand iets\r\n'.repeat(30_000);
    const started = Date.now();
    const inbound = await normalizeEmail(message(['From: a@example.com'], body));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(inbound.text.length).toBe(body.replace(/\r\n/g, '\n').trim().length);
  });
});

describe('normalizeEmail: automatic replies', () => {
  it('classifies an Exchange out-of-office (Auto-Submitted: auto-replied) as auto_reply in the same topic', async () => {
    const inbound = await parse('out-of-office.eml');
    expect(inbound.kind).toBe('auto_reply');
    expect(bounceOf(inbound)).toBeNull();
    expect(inbound.thread).toEqual({ refs: ['<msg_55@acme.test>'], topic: 'csv export broken' });
  });

  it('classifies a vacation responder with only Precedence/X-Autoreply as auto_reply', async () => {
    const inbound = await parse('vacation-precedence.eml');
    expect(inbound.kind).toBe('auto_reply');
    expect(inbound.text).toBe("I'm on vacation until March 17 and will answer when I'm back.");
  });

  it.each([
    [['Auto-Submitted: auto-generated'], 'auto_reply'],
    [['Auto-Submitted: no'], 'message'],
    [['Auto-Submitted: No (sent by a person)'], 'message'],
    [['X-Autorespond: on'], 'auto_reply'],
    [['Precedence: bulk'], 'auto_reply'],
    [['Precedence: list'], 'message'],
    [['X-Precedence: auto_reply'], 'auto_reply'],
    [['X-Auto-Response-Suppress: All'], 'message'],
    [['X-Auto-Response-Suppress: OOF', 'Return-Path: <>'], 'auto_reply'],
    [['Subject: Abwesenheitsnotiz: Ihre Anfrage'], 'auto_reply'],
    [['Subject: Réponse automatique : Votre commande'], 'auto_reply'],
    [['Subject: Out of Office: back Monday'], 'auto_reply'],
    [['Subject: Auto: Re: invoice'], 'auto_reply'],
    [['Subject: Automobile insurance question'], 'message'],
  ])('headers %j make the message %s', async (headers, kind) => {
    const inbound = await normalizeEmail(message(['From: someone@example.com', 'To: support@acme.test', ...headers]));
    expect(inbound.kind).toBe(kind);
  });
});

describe('normalizeEmail: bounces', () => {
  it('reads a Postfix DSN: recipient, status, diagnostic and our original Message-ID', async () => {
    const inbound = await parse('bounce-dsn.eml');
    expect(inbound.kind).toBe('bounce');
    expect(bounceOf(inbound)).toEqual({
      originalMessageId: '<msg_01HQ8Z@acme.test>',
      recipient: 'nobody@example.org',
      status: '5.1.1',
      diagnostic: '550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown',
    });
    expect(inbound.from.address).toBe('mailer-daemon@mx.acme.test');
    expect(inbound.attachments.map((a) => a.contentType)).toEqual(['message/delivery-status', 'message/rfc822']);
  });

  it('reads an Exchange NDR whose original is a text/rfc822-headers part', async () => {
    const inbound = await parse('bounce-rfc822-headers.eml');
    expect(inbound.kind).toBe('bounce');
    expect(bounceOf(inbound)).toEqual({
      originalMessageId: '<msg_02JK4P@acme.test>',
      recipient: 'old.employee@contoso.example',
      status: '5.1.10',
      diagnostic: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    });
  });

  it('recognises a qmail "failure notice" from MAILER-DAEMON and finds the pasted original Message-ID', async () => {
    const inbound = await parse('bounce-failure-notice.eml');
    expect(inbound.kind).toBe('bounce');
    expect(bounceOf(inbound)).toEqual({
      originalMessageId: '<msg_03ZZ9Q@acme.test>',
      recipient: 'ghost@example.net',
      status: '5.1.1',
      diagnostic: 'Sorry, no mailbox here by that name. (#5.1.1)',
    });
  });

  it('falls back to X-Parley-Message-Id when the returned headers lack a Message-ID', async () => {
    const raw = [
      'From: MAILER-DAEMON@mx.example.net',
      'Subject: Mail delivery failed: returning message to sender',
      'X-Failed-Recipients: Gone@example.net',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'A message that you sent could not be delivered.',
      '--b',
      'Content-Type: text/rfc822-headers',
      '',
      'From: support@acme.test',
      'X-Parley-Message-Id: msg_04AB',
      '--b--',
    ].join('\r\n');
    const inbound = await normalizeEmail(Buffer.from(raw));
    expect(bounceOf(inbound)).toMatchObject({ originalMessageId: 'msg_04AB', recipient: 'gone@example.net' });
  });

  it('does not treat an ordinary mail from postmaster as a bounce', async () => {
    const inbound = await normalizeEmail(message(['From: postmaster@example.com', 'Subject: Question about your SPF record']));
    expect(inbound.kind).toBe('message');
    expect(bounceOf(inbound)).toBeNull();
  });
});

describe('normalizeEmail: identity and bad input', () => {
  it('derives a stable sha256 externalId from the raw bytes when there is no Message-ID', async () => {
    const bytes = fixture('no-message-id.eml');
    const first = await normalizeEmail(bytes);
    const second = await normalizeEmail(Buffer.from(bytes));
    expect(first.externalId).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(second.externalId).toBe(first.externalId);
    expect(first.from).toEqual({ address: 'noreply@shop.example', name: 'Website Contact Form' });
  });

  it('rejects a message without From with a ParseError', async () => {
    await expect(parse('no-from.eml')).rejects.toThrow(ParseError);
    await expect(parse('no-from.eml')).rejects.toThrow('message has no From header');
  });

  it.each([
    ['empty input', ''],
    ['whitespace', '  \r\n\t '],
    ['plain prose without headers', 'hello, this is not an email at all'],
    ['a From without an address', 'From: Jane\r\nSubject: hi\r\n\r\nbody'],
    ['a number', 42],
  ])('rejects %s with a one-line ParseError', async (_what, raw) => {
    const error = await normalizeEmail(raw).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).not.toContain('\n');
  });

  it('gives a null sentAt for an unparseable Date instead of the current time', async () => {
    const inbound = await normalizeEmail(message(['From: a@example.com', 'Date: sometime last week']));
    expect(inbound.sentAt).toBeNull();
  });

  it('falls back to Delivered-To / X-Original-To when there is no To', async () => {
    const inbound = await normalizeEmail(message(['From: a@example.com', 'Delivered-To: Support@Acme.test', 'X-Original-To: help@acme.test']));
    expect(inbound.to).toEqual(['support@acme.test', 'help@acme.test']);
  });

  it('normalizes every fixture but the sender-less one deterministically', async () => {
    const names = readdirSync(fixtures).filter((name) => name.endsWith('.eml') && name !== 'no-from.eml');
    expect(names.length).toBeGreaterThanOrEqual(14);
    for (const name of names) {
      expect(await parse(name), name).toEqual(await parse(name));
    }
  });
});
