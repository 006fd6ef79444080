// Reads Authentication-Results headers (RFC 8601) and decides whether an email's From is proven.
// Anyone can write such a header into a message, so only one authserv-id is ever believed: our
// own (PARLEY_AUTHSERV_ID), which our edges stamp on top of every message they store after
// renaming any earlier header that used it (stamp-auth-results.ts). The SMTP edge stamps what
// mailauth found; the IMAP edge re-stamps its provider's verdict, read only from the provider's
// configured authserv-id.
import type { SenderProof } from '../inbound-types.ts';
import type { HeaderLookup } from './header-lookup.ts';

/** The authserv-id of the results our own edges stamp; no other one is trusted by normalize. */
export const PARLEY_AUTHSERV_ID = 'parley.inbound';

export interface AuthMethodResult {
  method: string;
  result: string;
  /** ptype.property -> value, e.g. header.from, header.d, header.i, smtp.mailfrom (lower-cased). */
  props: Record<string, string>;
}

export interface AuthResults {
  authservId: string;
  results: AuthMethodResult[];
}

/** Removes RFC 5322 comments "(...)", nesting included, and quoted-string quotes are kept. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quoted) {
      out += ch;
      if (ch === '\\' && i + 1 < value.length) out += value[++i];
      else if (ch === '"') quoted = false;
    } else if (depth > 0) {
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
    } else if (ch === '(') depth = 1;
    else {
      if (ch === '"') quoted = true;
      out += ch;
    }
  }
  return out;
}

const unquote = (v: string) => (v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1) : v);

/** Parses one header value; null when it names no authserv-id. */
export function parseAuthResults(value: string): AuthResults | null {
  const [head, ...parts] = stripComments(value).split(';');
  const authservId = unquote((head ?? '').trim().split(/\s+/)[0] ?? '').toLowerCase();
  if (!authservId) return null;
  const results: AuthMethodResult[] = [];
  for (const part of parts) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    const first = tokens.shift();
    const m = first?.match(/^([a-z0-9_-]+)(?:\/[0-9]+)?=([a-z0-9_-]+)$/i);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const t of tokens) {
      const p = t.match(/^([a-z0-9_-]+\.[a-z0-9_-]+)=(.+)$/i);
      if (p) props[p[1]!.toLowerCase()] = unquote(p[2]!).toLowerCase();
    }
    results.push({ method: m[1]!.toLowerCase(), result: m[2]!.toLowerCase(), props });
  }
  return { authservId, results };
}

/** The topmost Authentication-Results header from one of `trusted` authserv-ids (the one the last hop added). */
export function trustedAuthResults(headers: HeaderLookup, trusted: readonly string[]): AuthResults | null {
  const ids = trusted.map((t) => t.toLowerCase());
  for (const value of headers.all('authentication-results')) {
    const parsed = parseAuthResults(value);
    if (parsed && ids.includes(parsed.authservId)) return parsed;
  }
  return null;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** Relaxed alignment (RFC 7489 3.1) without the public suffix list: the same domain, or one is a subdomain of the other. */
function aligned(fromDomain: string, other: string | undefined): boolean {
  if (!other) return false;
  const d = other.includes('@') ? domainOf(other) : other.toLowerCase();
  return d === fromDomain || fromDomain.endsWith(`.${d}`) || d.endsWith(`.${fromDomain}`);
}

/**
 * Verified when DMARC passed for the From domain, or (no DMARC verdict of fail) a DKIM signature
 * or SPF check passed for a domain aligned with it. Everything else is a claim, with what was seen.
 */
export function senderProofOf(auth: AuthResults | null, fromAddress: string): SenderProof {
  if (!auth) return { verified: false, reason: 'no authentication results from a trusted server' };
  const fromDomain = domainOf(fromAddress);
  const of = (method: string) => auth.results.filter((r) => r.method === method);
  const dmarc = of('dmarc')[0];
  if (dmarc?.result === 'pass' && (!dmarc.props['header.from'] || dmarc.props['header.from'] === fromDomain)) {
    return { verified: true, reason: `dmarc=pass for ${fromDomain}` };
  }
  if (dmarc?.result !== 'fail') {
    const dkim = of('dkim').find((r) => r.result === 'pass' && aligned(fromDomain, r.props['header.d'] ?? r.props['header.i']));
    if (dkim) return { verified: true, reason: `dkim=pass aligned with ${fromDomain}` };
    const spf = of('spf').find((r) => r.result === 'pass' && aligned(fromDomain, r.props['smtp.mailfrom']));
    if (spf) return { verified: true, reason: `spf=pass aligned with ${fromDomain}` };
  }
  const seen = ['dmarc', 'dkim', 'spf'].map((m) => `${m}=${of(m)[0]?.result ?? 'none'}`).join(', ');
  return { verified: false, reason: `From ${fromDomain} not authenticated (${seen})` };
}
