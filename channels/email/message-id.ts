// Reads the Message-ID from a raw message's header block without parsing the whole message, so
// the SMTP and IMAP edges can key the InboundEvent before acknowledging.
import { createHash } from 'node:crypto';

export function extractMessageId(raw: Buffer): string {
  const text = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const headers = (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const match = headers.match(/^message-id:\s*(<[^<>\s]+>)/im);
  return match?.[1] ?? `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
