// normalizeEmail over the other real-world shapes of a message (fixtures cited in
// test/fixtures/email/SOURCES.md): several authors, Sender and Reply-To, name-only and IDN From,
// legacy 8-bit headers, broken charsets and transfer encodings, invitations, S/MIME, forwarded
// messages, NUL bytes. Each shape is understood, never refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../../channels/email/normalize.ts';
import { canonicalTransferEncoding } from '../../../../channels/email/repair-raw-mime.ts';
import { ParseError } from '../../../../channels/types.ts';

const fixtures = new URL('../../../fixtures/email/', import.meta.url);
const parse = (name: string) => normalizeEmail(readFileSync(new URL(name, fixtures)));
const message = (headers: string[], body = 'Hello there') => Buffer.from([...headers, '', body].join('\r\n'));

describe('normalizeEmail: authors, Sender and Reply-To', () => {
  it('keeps a Sender other than the author as sentBy; the customer and the proof stay on From', async () => {
    const inbound = await parse('rfc5322-sender-differs.eml');
    expect(inbound.from).toEqual({ address: 'jdoe@machine.example', name: 'John Doe' });
    expect(inbound.sentBy).toEqual({ address: 'mjones@machine.example', name: 'Michael Jones' });
    expect(inbound.sender.verified).toBe(false);
    expect(inbound.replyTo).toBeUndefined();
  });

  it('picks the author the Sender names among several From addresses and keeps the others', async () => {
    const inbound = await parse('rfc5322-multiple-from-with-sender.eml');
    expect(inbound.from).toEqual({ address: 'mary@example.net', name: 'Mary Smith' });
    expect(inbound.alsoFrom).toEqual([{ address: 'jdoe@machine.example', name: 'John Doe' }]);
    expect(inbound.sentBy).toBeUndefined();
  });

  it('picks the first of several From addresses when there is no Sender', async () => {
    const inbound = await parse('multiple-from-without-sender.eml');
    expect(inbound.from.address).toBe('pete@silly.example');
    expect(inbound.alsoFrom).toEqual([{ address: 'john.q.public@example.com', name: 'Joe Q. Public' }]);
  });

  it('keeps Reply-To as where replies go', async () => {
    const inbound = await parse('rfc5322-reply-to.eml');
    expect(inbound.from.address).toBe('mary@example.net');
    expect(inbound.replyTo).toEqual({ address: 'smith@home.example', name: 'Mary Smith: Personal Account' });
  });

  it('takes the address of a name-only From from Reply-To (never proven), keeping the name', async () => {
    const inbound = await parse('from-name-only.eml');
    expect(inbound.from).toEqual({ address: 'jdoe@machine.example', name: 'John Doe' });
    expect(inbound.sender).toMatchObject({ verified: false, reason: expect.stringContaining('From has no address') });
  });

  it('falls back to Return-Path when a name-only From has neither Sender nor Reply-To', async () => {
    const inbound = await normalizeEmail(message(['Return-Path: <Bounce.Me@Example.org>', 'From: Just A Name', 'Subject: hi']));
    expect(inbound.from.address).toBe('bounce.me@example.org');
  });

  it('still refuses a From with no address anywhere', async () => {
    await expect(normalizeEmail(message(['From: Just A Name', 'Subject: hi']))).rejects.toBeInstanceOf(ParseError);
  });

  it('writes an IDN domain one way, whether it came as Unicode or xn-- labels, and lower-cases it', async () => {
    const unicode = await parse('idn-uppercase-from.eml');
    const punycode = await parse('idn-punycode-from.eml');
    expect(unicode.from).toEqual({ address: 'joerg.mueller@bücher.example', name: 'Jörg Müller' });
    expect(punycode.from.address).toBe(unicode.from.address);
    expect(unicode.to).toEqual(['support@acme.test']);
  });
});

describe('normalizeEmail: recipients, dates, long headers', () => {
  it('reads group syntax and an empty "Undisclosed recipients:;" group', async () => {
    const inbound = await parse('rfc5322-group-undisclosed.eml');
    expect(inbound.to).toEqual(['c@a.test', 'joe@where.test', 'jdoe@one.test']);
  });

  it('falls back to Delivered-To when To is only undisclosed-recipients:;', async () => {
    expect((await parse('undisclosed-recipients-only.eml')).to).toEqual(['support@acme.test']);
  });

  it('reads comments and folding white space in addresses and Date', async () => {
    const inbound = await parse('rfc5322-comments-and-folding.eml');
    expect(inbound.from.address).toBe('pete@silly.test');
    expect(inbound.to).toEqual(['c@public.example', 'joe@example.org', 'jdoe@one.test']);
    expect(inbound.sentAt?.toISOString()).toBe('1969-02-14T03:02:00.000Z');
  });

  it('keeps a message whose Date cannot be read, with no sentAt', async () => {
    const inbound = await parse('unparseable-date.eml');
    expect(inbound.sentAt).toBeNull();
    expect(inbound.text).toContain('not a date');
  });

  it('keeps very long header lines whole', async () => {
    const inbound = await parse('very-long-header-lines.eml');
    expect(inbound.subject).toHaveLength(1503);
    expect(inbound.references).toHaveLength(60);
  });

  it('keeps a message with only an attachment and no text', async () => {
    const inbound = await parse('attachments-only-empty-body.eml');
    expect(inbound.text).toBe('');
    expect(inbound.attachments.map((a) => [a.filename, a.contentType])).toEqual([['scan-0001.pdf', 'application/pdf']]);
  });
});

describe('normalizeEmail: charsets and encodings', () => {
  it.each([
    ['legacy-8bit-headers-windows-1251.eml', 'Не приходит код подтверждения', 'Алексей Иванов'],
    ['legacy-8bit-headers-iso-8859-1.eml', 'Rücksendung für Bestellung 88213', 'Jürgen Weiß'],
    ['legacy-8bit-headers-shift-jis.eml', '請求書の再発行について', '山田太郎'],
  ])('decodes raw 8-bit Subject and From name of %s by the body charset', async (file, subject, name) => {
    const inbound = await parse(file);
    expect(inbound.subject).toBe(subject);
    expect(inbound.from.name).toBe(name);
  });

  it('keeps raw UTF-8 headers (RFC 6532) as they are', async () => {
    const inbound = await normalizeEmail(message(['From: Zoë <zoe@example.com>', 'Subject: Ça marche', 'Content-Type: text/plain; charset=iso-8859-1']));
    expect(inbound.subject).toBe('Ça marche');
    expect(inbound.from.name).toBe('Zoë');
  });

  it('decodes a base64 body under a misspelled Content-Transfer-Encoding', async () => {
    expect((await parse('cte-misspelled.eml')).text).toBe('Hello, my invoice is wrong. Could you check it?');
  });

  it('decodes a quoted-printable body under "Quoted-Printible"', async () => {
    expect((await parse('cte-quoted-printible.eml')).text).toBe('Grüße aus Köln, die Lieferung fehlt.');
  });

  it.each([
    ['base-64', 'base64'],
    ['BASE64 ', 'base64'],
    ['quoted printable', 'quoted-printable'],
    ['8bits', '8bit'],
    ['7-bit', '7bit'],
    ['x-uuencode', null],
  ])('reads the transfer encoding %j as %j', (value, expected) => {
    expect(canonicalTransferEncoding(value)).toBe(expected);
  });

  it('reads charset=utf8 (no dash) as UTF-8', async () => {
    expect((await parse('charset-utf8-no-dash.eml')).text).toBe('Olá, a minha encomenda não chegou. Obrigada!');
  });

  it('reads unknown-8bit UTF-8 bytes as UTF-8 and x-user-defined Latin-1 bytes as windows-1252', async () => {
    expect((await parse('charset-unknown-8bit.eml')).text).toBe('A fatura está errada, não paguei duas vezes.');
    expect((await parse('charset-x-user-defined.eml')).text).toBe('Preciso do recibo de março, por favor.');
  });

  it('leaves a body that mentions an opaque charset as written', async () => {
    const inbound = await normalizeEmail(message(['From: a@example.com', 'Content-Type: text/plain; charset=us-ascii'], 'Our mailer writes charset=unknown-8bit in its headers.'));
    expect(inbound.text).toBe('Our mailer writes charset=unknown-8bit in its headers.');
  });

  it('leaves NUL bytes for the store to clean and still parses every field', async () => {
    const inbound = await parse('nul-bytes.eml');
    expect(inbound.from).toEqual({ address: 'nul.sender@example.com', name: expect.stringMatching(/^Nul\u0000?Name$/) });
    expect(inbound.subject).toBe('Broken\u0000subject');
    expect(inbound.attachments.map((a) => a.filename)).toEqual(['notes\u0000.txt']);
  });
});

describe('normalizeEmail: invitations, S/MIME, forwarded messages', () => {
  it('reads a text/calendar-only invitation as summary, time, organiser and description, keeping the .ics', async () => {
    const inbound = await parse('calendar-only-rfc6047.eml');
    expect(inbound.text).toBe(
      'Meeting invitation: Phone call to discuss your last visit\nWhen: 2008-07-01 16:00 UTC – 2008-07-01 16:30 UTC\nOrganiser: man@netscape.example.com\n\nты как - доволен поездкой?',
    );
    expect(inbound.attachments.map((a) => a.contentType)).toEqual(['text/calendar']);
  });

  it('reads folded lines, TZID times, escaped commas and the organiser name', async () => {
    const inbound = await parse('calendar-only-tzid-folded.eml');
    expect(inbound.text).toContain('When: 2014-01-07 10:00 (America/Toronto) – 2014-01-07 11:00 (America/Toronto)');
    expect(inbound.text).toContain('Where: Room 4, second floor');
    expect(inbound.text).toContain('Organiser: Adminstrator <evertpot@gmail.com>');
  });

  it('shows the text of a multipart/signed message and keeps smime.p7s', async () => {
    const inbound = await parse('smime-multipart-signed.eml');
    expect(inbound.text).toContain('Bob, we need to cancel this contract.');
    expect(inbound.attachments.map((a) => [a.filename, a.contentType])).toEqual([['smime.p7s', 'application/pkcs7-signature']]);
  });

  it('shows the signed text inside an opaque application/pkcs7-mime signed-data message and keeps smime.p7m', async () => {
    const inbound = await parse('smime-onepart-signed.eml');
    expect(inbound.text).toMatch(/^This message is signed \(S\/MIME\); the signature was not checked\.\n\nBob, we need to cancel this contract\./);
    expect(inbound.attachments.map((a) => a.filename)).toEqual(['smime.p7m']);
  });

  it('says an enveloped-data (encrypted) message is encrypted', async () => {
    // ContentInfo { id-envelopedData, [0] {} }: only the type matters here.
    const der = Buffer.from('300f06092a864886f70d010703a0023000', 'hex');
    const inbound = await normalizeEmail(
      message(['From: a@example.com', 'Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m', 'Content-Transfer-Encoding: base64'], der.toString('base64')),
    );
    expect(inbound.text).toBe('This message is encrypted (S/MIME); its content cannot be shown here.');
    expect(inbound.attachments).toHaveLength(1);
  });

  it('keeps a forwarded message as a .eml named by its subject and shows the subject when there is no text', async () => {
    const only = await parse('forwarded-message-rfc822-only.eml');
    expect(only.text).toBe('Forwarded message attached: Saying Hello – again');
    expect(only.attachments.map((a) => [a.filename, a.contentType])).toEqual([['Saying Hello.eml', 'message/rfc822']]);
    const withText = await parse('forwarded-message-rfc822.eml');
    expect(withText.text).toBe('See the message below: is this really from you?');
    expect(withText.attachments.map((a) => a.filename)).toEqual(['Saying Hello.eml']);
  });
});
