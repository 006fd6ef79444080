// Media of an inbound message (NumMedia, MediaUrlN, MediaContentTypeN) as attachments to fetch
// later: Twilio sends URLs, never bytes, and no file names.
import { ParseError, type NormalizedAttachment } from '../types.ts';
import type { TwilioParams } from './schema.ts';

const extensions: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'audio/amr': '.amr',
  'audio/x-wav': '.wav',
  'video/mp4': '.mp4',
  'video/3gpp': '.3gp',
  'application/pdf': '.pdf',
  'text/vcard': '.vcf',
  'text/x-vcard': '.vcf',
  'text/plain': '.txt',
};

export function extensionFor(contentType: string): string {
  return extensions[contentType.split(';')[0]!.trim().toLowerCase()] ?? '';
}

export function mediaAttachments(params: TwilioParams): NormalizedAttachment[] {
  const raw = params.NumMedia?.trim() || '0';
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 50) throw new ParseError(`NumMedia ${JSON.stringify(raw)} is not a count`);
  const out: NormalizedAttachment[] = [];
  for (let i = 0; i < count; i++) {
    const url = params[`MediaUrl${i}`]?.trim();
    if (!url) throw new ParseError(`NumMedia is ${count} but MediaUrl${i} is missing`);
    if (!/^https?:\/\//i.test(url)) throw new ParseError(`MediaUrl${i} is not an http(s) URL`);
    const contentType = params[`MediaContentType${i}`]?.trim() || 'application/octet-stream';
    out.push({ filename: `${mediaName(url, i)}${extensionFor(contentType)}`, contentType, size: 0, url, inline: false });
  }
  return out;
}

/** The media SID at the end of Twilio's URL (ME...), else "media-N". */
function mediaName(url: string, index: number): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
  return /^[A-Za-z0-9_-]{1,64}$/.test(last) ? last : `media-${index}`;
}
