// Media of an inbound message (NumMedia, MediaUrlN, MediaContentTypeN) as attachments to fetch
// later: Twilio sends URLs, never bytes, and no file names. Any content type is kept as given
// (with its parameters, "audio/ogg; codecs=opus"); only the file name's extension depends on it.
import type { NormalizedAttachment } from '../types.ts';
import type { TwilioParams } from './schema.ts';

const extensions: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/amr': '.amr',
  'audio/x-wav': '.wav',
  'video/mp4': '.mp4',
  'video/3gpp': '.3gp',
  'application/pdf': '.pdf',
  'text/vcard': '.vcf',
  'text/x-vcard': '.vcf',
  'text/directory': '.vcf',
  'text/plain': '.txt',
};

export function extensionFor(contentType: string): string {
  return extensions[contentType.split(';')[0]!.trim().toLowerCase()] ?? '';
}

/** Twilio's limit is 10 media per message (https://www.twilio.com/docs/messaging/guides/webhook-request); more indexes are read than that, none invented. */
const MAX_MEDIA = 50;

/**
 * Every MediaUrlN that is an http(s) URL, whatever NumMedia says (a NumMedia that is not a count,
 * or counts media that are not there, is not fatal: the URLs are what can be fetched).
 */
export function mediaAttachments(params: TwilioParams): NormalizedAttachment[] {
  const out: NormalizedAttachment[] = [];
  for (let i = 0; i < MAX_MEDIA; i++) {
    const url = params[`MediaUrl${i}`]?.trim();
    if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url)) continue;
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
