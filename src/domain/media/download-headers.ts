// How a stored file is served: the content type a customer gave is never trusted. Only an
// allowlist of types a browser shows without running anything is served inline (with nosniff);
// everything else is application/octet-stream as an attachment. Always sandboxed by CSP, and the
// filename goes in an RFC 6266 / 5987 header that no stored name can break (a non-Latin-1 content
// type or filename used to answer 500).
import { cleanText } from '../inbound/clean-for-postgres.ts';

const INLINE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'audio/mpeg',
  'audio/ogg',
  'audio/wav',
  'audio/webm',
  'audio/mp4',
  'video/mp4',
  'video/webm',
  'video/ogg',
]);

/** The type's essence ("image/png" of "Image/PNG; name=x"), or null. */
function essence(contentType: string): string | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : null;
}

/** RFC 5987 ext-value: UTF-8, every byte outside attr-char percent-encoded. */
function extValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function downloadHeaders(file: { filename: string; contentType: string; size: number }): Record<string, string> {
  const type = essence(file.contentType);
  const inline = type !== null && INLINE_TYPES.has(type);
  const name = cleanText(file.filename).replace(/[\r\n]/g, ' ').trim() || 'file';
  const asciiName = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    'content-type': !inline ? 'application/octet-stream' : type === 'text/plain' ? 'text/plain; charset=utf-8' : type,
    'content-length': String(file.size),
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${asciiName}"; filename*=UTF-8''${extValue(name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
  };
}
