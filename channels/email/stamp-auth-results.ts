// What our email edges write on top of a message before storing it: their own
// Authentication-Results (authserv-id PARLEY_AUTHSERV_ID), the only one normalize believes. Any
// header already using that id came from the sender (a forgery) and is renamed, not deleted, so
// the stored bytes keep everything that arrived (RFC 8601 section 5 asks MTAs to remove them).
import { PARLEY_AUTHSERV_ID, parseAuthResults } from './auth-results.ts';
import { headerLookup, parseHeaderBlock } from './header-lookup.ts';

const RENAMED = 'X-Parley-Untrusted-Authentication-Results';

/** Renames header fields that claim our authserv-id; the body and every other byte stay as they were. */
export function neutralizeOwnAuthResults(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const lines = head.split(/(?<=\n)/);
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.match(/^authentication-results[ \t]*:/i);
    if (!m) continue;
    let value = lines[i]!.slice(m[0].length);
    for (let j = i + 1; j < lines.length && /^[ \t]/.test(lines[j]!); j++) value += lines[j];
    if (parseAuthResults(value.replace(/\r?\n/g, ' '))?.authservId !== PARLEY_AUTHSERV_ID) continue;
    lines[i] = `${RENAMED}:${lines[i]!.slice(m[0].length)}`;
    changed = true;
  }
  if (!changed) return raw;
  return Buffer.from(lines.join('') + (end < 0 ? '' : text.slice(end)), 'latin1');
}

/** `headers` are complete header lines ending in CRLF (mailauth's `headers`, or our own line). */
export function stampAuthResults(raw: Buffer, headers: string): Buffer {
  return Buffer.concat([Buffer.from(headers, 'latin1'), neutralizeOwnAuthResults(raw)]);
}

/**
 * The IMAP edge: mail was received (and authenticated) by the provider, who says so in its own
 * Authentication-Results. Only the topmost one from a trusted provider authserv-id counts; it is
 * carried over under our id. Without one the message is stamped as unauthenticated.
 */
export function restampProviderAuthResults(raw: Buffer, trustedIds: readonly string[]): Buffer {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const headers = headerLookup(parseHeaderBlock(end < 0 ? text : text.slice(0, end)));
  const ids = trustedIds.map((t) => t.toLowerCase());
  for (const value of headers.all('authentication-results')) {
    const parsed = parseAuthResults(value);
    if (!parsed || !ids.includes(parsed.authservId)) continue;
    const results = parsed.results.map((r) => [`${r.method}=${r.result}`, ...Object.entries(r.props).map(([k, v]) => `${k}=${v}`)].join(' '));
    return stampAuthResults(raw, `Authentication-Results: ${PARLEY_AUTHSERV_ID}; ${results.join('; ') || 'none'} (as reported by ${parsed.authservId})\r\n`);
  }
  return stampAuthResults(raw, `Authentication-Results: ${PARLEY_AUTHSERV_ID}; none (no results from ${ids.join(', ') || 'a trusted server'})\r\n`);
}
