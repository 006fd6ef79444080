// A TNEF stream (winmail.dat, application/ms-tnef: MS-OXTNEF) read for what an inbox shows: the
// files attached inside it and the message body (plain text, HTML or compressed RTF). Attributes
// are level, id, length, data and a checksum; attRenddata starts each attachment.
// https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxtnef
import { TextDecoder } from 'node:util';
import { readMapiProperties, type MapiValue } from './mapi-properties.ts';
import { decompressRtf } from './decompress-rtf.ts';

export interface TnefFile {
  filename: string | null;
  mimeType: string | null;
  contentId: string | null;
  content: Buffer;
}

export interface TnefContent {
  files: TnefFile[];
  bodyText: string | null;
  bodyHtml: string | null;
  /** The RTF body (decompressed), when the message has one. */
  bodyRtf: Buffer | null;
}

const SIGNATURE = 0x223e9f78;
const ATT = {
  body: 0x0002800c,
  oemCodepage: 0x00069007,
  mapiProps: 0x00069003,
  attachRendData: 0x00069002,
  attachData: 0x0006800f,
  attachTitle: 0x00018010,
  attachment: 0x00069005,
} as const;
const PR = { body: 0x1000, rtfCompressed: 0x1009, bodyHtml: 0x1013, attachData: 0x3701, attachFilename: 0x3704, attachLongFilename: 0x3707, attachMimeTag: 0x370e, attachContentId: 0x3712 } as const;

export const isTnef = (data: Buffer) => data.length >= 6 && data.readUInt32LE(0) === SIGNATURE;

function decoderForCodepage(codepage: number | null): (b: Buffer) => string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(codepage ? `windows-${codepage}` : 'windows-1252');
  } catch {
    decoder = new TextDecoder('windows-1252');
  }
  return (b) => decoder.decode(b);
}

const textOf = (v: MapiValue | undefined, decode8: (b: Buffer) => string) => (v === undefined ? null : typeof v === 'string' ? v : decode8(v));

interface Attribute {
  level: number;
  id: number;
  data: Buffer;
}

function attributesOf(data: Buffer): Attribute[] {
  const out: Attribute[] = [];
  for (let pos = 6; pos + 9 <= data.length; ) {
    const level = data[pos]!;
    const id = data.readUInt32LE(pos + 1);
    const length = data.readUInt32LE(pos + 5);
    const start = pos + 9;
    if (start + length > data.length) break;
    out.push({ level, id, data: data.subarray(start, start + length) });
    pos = start + length + 2; // the checksum is not needed to read the data
  }
  return out;
}

/** What the stream holds; null when it is not TNEF. A damaged tail keeps what was read before it. */
export function readTnef(data: Buffer): TnefContent | null {
  if (!isTnef(data)) return null;
  const attributes = attributesOf(data);
  const codepageAttr = attributes.find((a) => a.id === ATT.oemCodepage);
  const decode8 = decoderForCodepage(codepageAttr && codepageAttr.data.length >= 4 ? codepageAttr.data.readUInt32LE(0) : null);
  const files: (TnefFile & { title: string | null })[] = [];
  let message = new Map<number, MapiValue>();
  let legacyBody: string | null = null;
  for (const a of attributes) {
    if (a.id === ATT.attachRendData) files.push({ filename: null, title: null, mimeType: null, contentId: null, content: Buffer.alloc(0) });
    const current = files[files.length - 1];
    if (a.id === ATT.body) legacyBody = decode8(a.data).replace(/\u0000+$/, '');
    else if (a.id === ATT.mapiProps) message = safeProps(a.data, decode8);
    else if (current && a.id === ATT.attachTitle) current.title = decode8(a.data).replace(/\u0000+$/, '') || null;
    else if (current && a.id === ATT.attachData) current.content = a.data;
    else if (current && a.id === ATT.attachment) {
      const props = safeProps(a.data, decode8);
      current.filename = textOf(props.get(PR.attachLongFilename), decode8) ?? textOf(props.get(PR.attachFilename), decode8);
      current.mimeType = textOf(props.get(PR.attachMimeTag), decode8);
      current.contentId = textOf(props.get(PR.attachContentId), decode8);
      const embedded = props.get(PR.attachData);
      if (current.content.length === 0 && Buffer.isBuffer(embedded)) current.content = embedded;
    }
  }
  const rtf = message.get(PR.rtfCompressed);
  return {
    files: files.filter((f) => f.content.length > 0).map(({ title, ...f }) => ({ ...f, filename: f.filename ?? title })),
    bodyText: textOf(message.get(PR.body), decode8) ?? legacyBody,
    bodyHtml: textOf(message.get(PR.bodyHtml), (b) => b.toString('utf8')),
    bodyRtf: Buffer.isBuffer(rtf) ? decompressRtf(rtf) : null,
  };
}

function safeProps(data: Buffer, decode8: (b: Buffer) => string): Map<number, MapiValue> {
  try {
    return readMapiProperties(data, decode8);
  } catch {
    return new Map();
  }
}
