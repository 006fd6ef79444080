// TNEF (winmail.dat, MS-OXTNEF): a real Outlook winmail.dat from a public mailing-list archive
// (its body is compressed RTF, MS-OXRTFCP) read into text, an attachment-carrying stream built
// here by the spec's layout, and the RTF reader on its own.
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../../channels/email/normalize.ts';
import { decompressRtf } from '../../../../channels/email/tnef/decompress-rtf.ts';
import { readTnef } from '../../../../channels/email/tnef/read-tnef.ts';
import { rtfToText } from '../../../../channels/email/tnef/rtf-to-text.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/email/${name}`, import.meta.url));

async function winmailOf(name: string): Promise<Buffer> {
  const mail = await simpleParser(fixture(name));
  return mail.attachments.find((a) => a.filename === 'winmail.dat')!.content;
}

/** One TNEF attribute: level, id, length, data, checksum (MS-OXTNEF §2.1.3.3). */
function attribute(level: number, id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUInt8(level, 0);
  head.writeUInt32LE(id, 1);
  head.writeUInt32LE(data.length, 5);
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(data.reduce((sum, b) => (sum + b) & 0xffff, 0));
  return Buffer.concat([head, data, checksum]);
}

/** A MAPI property list with one 8-bit string property (MS-OXTNEF §2.1.3.4). */
function stringProperty(id: number, value: string): Buffer {
  const text = Buffer.from(`${value}\0`, 'latin1');
  const padded = Buffer.concat([text, Buffer.alloc((4 - (text.length % 4)) % 4)]);
  const head = Buffer.alloc(16);
  head.writeUInt32LE(1, 0); // one property
  head.writeUInt16LE(0x001e, 4); // PT_STRING8
  head.writeUInt16LE(id, 6);
  head.writeUInt32LE(1, 8); // one value
  head.writeUInt32LE(text.length, 12);
  return Buffer.concat([head, padded]);
}

function tnefWithOneFile(): Buffer {
  const signature = Buffer.from([0x78, 0x9f, 0x3e, 0x22, 0x01, 0x00]);
  return Buffer.concat([
    signature,
    attribute(1, 0x00069007, Buffer.from([0xe4, 0x04, 0, 0, 0, 0, 0, 0])), // attOemCodepage 1252
    attribute(1, 0x0002800c, Buffer.from('Please find the report attached.\0', 'latin1')), // attBody
    attribute(2, 0x00069002, Buffer.alloc(14)), // attAttachRendData: an attachment starts
    attribute(2, 0x00018010, Buffer.from('QUARTE~1.TXT\0', 'latin1')), // attAttachTitle (8.3 name)
    attribute(2, 0x0006800f, Buffer.from('Q1 revenue: 12,400\n', 'latin1')), // attAttachData
    attribute(2, 0x00069005, stringProperty(0x3707, 'Quarterly report.txt')), // attAttachment: PR_ATTACH_LONG_FILENAME
  ]);
}

describe('TNEF (winmail.dat)', () => {
  it('reads the compressed RTF body of a real Outlook winmail.dat', async () => {
    const tnef = readTnef(await winmailOf('tnef-winmail-rtf-body.eml'));
    expect(tnef?.files).toEqual([]);
    expect(tnef?.bodyRtf?.toString('latin1')).toMatch(/^\{\\rtf1\\ansi\\ansicpg1252\\fromtext/);
    const text = rtfToText(tnef!.bodyRtf!.toString('latin1'));
    expect(text).toContain('class String\n{\n\tstatic const long npos = -1;\n};');
    expect(text).toMatch(/Gary R\. Van Sickle\nBraemar Inc\.\n11481 Rupp Dr\.\nBurnsville, MN 55337$/);
  });

  it('shows the RTF body of a message whose only part is a winmail.dat, keeping the winmail.dat', async () => {
    const inbound = await normalizeEmail(fixture('tnef-winmail-only.eml'));
    expect(inbound.text).toContain('"static const size_type npos = -1;"  It\'s a member of basic_string');
    expect(inbound.attachments.map((a) => [a.filename, a.contentType])).toEqual([['winmail.dat', 'application/ms-tnef']]);
  });

  it('takes the files out of a winmail.dat, named by their long file name', async () => {
    const tnef = readTnef(tnefWithOneFile());
    expect(tnef?.bodyText).toBe('Please find the report attached.');
    expect(tnef?.files).toEqual([{ filename: 'Quarterly report.txt', mimeType: null, contentId: null, content: Buffer.from('Q1 revenue: 12,400\n') }]);
  });

  it('adds the files of a winmail.dat to the message and shows its body when the MIME body is empty', async () => {
    const raw = Buffer.concat([
      Buffer.from(
        'From: Outlook User <user@example.com>\r\nSubject: Report\r\nMIME-Version: 1.0\r\nContent-Type: application/ms-tnef; name="winmail.dat"\r\nContent-Disposition: attachment; filename="winmail.dat"\r\nContent-Transfer-Encoding: base64\r\n\r\n',
      ),
      Buffer.from(tnefWithOneFile().toString('base64').replace(/.{76}/g, '$&\r\n')),
    ]);
    const inbound = await normalizeEmail(raw);
    expect(inbound.text).toBe('Please find the report attached.');
    expect(inbound.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ['winmail.dat', 'application/ms-tnef', tnefWithOneFile().length],
      ['Quarterly report.txt', 'text/plain', 19],
    ]);
  });

  it('keeps what was read before a damaged tail, and refuses nothing that is not TNEF', () => {
    const cut = tnefWithOneFile().subarray(0, 80); // inside attAttachRendData
    expect(readTnef(cut)?.bodyText).toBe('Please find the report attached.');
    expect(readTnef(Buffer.from('not a tnef stream'))).toBeNull();
  });
});

describe('RTF', () => {
  it('decodes \\\'hh bytes by the ANSI code page and \\uN characters, skipping \\* destinations and tables', () => {
    const rtf = "{\\rtf1\\ansi\\ansicpg1251{\\fonttbl{\\f0 Arial;}}{\\*\\htmltag <p>}\\'cf\\'f0\\'e8\\'e2\\'e5\\'f2 \\u1046?x\\par {\\*\\generator Msftedit;}end}";
    expect(rtfToText(rtf)).toBe('Привет Жx\nend');
  });

  it('reads an uncompressed ("MELA") RTF as it is', () => {
    const body = Buffer.from('{\\rtf1 hi}', 'latin1');
    const head = Buffer.alloc(16);
    head.writeUInt32LE(body.length + 12, 0);
    head.writeUInt32LE(body.length, 4);
    head.writeUInt32LE(0x414c454d, 8);
    expect(decompressRtf(Buffer.concat([head, body]))?.toString('latin1')).toBe('{\\rtf1 hi}');
    expect(decompressRtf(Buffer.from('short'))).toBeNull();
  });
});
