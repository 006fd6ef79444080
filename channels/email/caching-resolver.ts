// A small DNS cache in front of the SMTP edge's sender checks (SPF, DKIM, DMARC), as an MTA runs a
// local caching resolver: concurrent messages from one domain ask the same few names, and a
// nameserver that answers slowly or drops queries under load (a retry waits c-ares's 1 s timeout)
// otherwise turns every message's 250 into a wait on DNS. A question asked while the same one is in
// flight joins it; an answer, and "no such name / no such record", are kept `ttlMs`; any other
// failure (timeout, SERVFAIL) is not kept, so the next message asks again.
import type { DNSResolver } from 'mailauth';

/** How long an answer (or a definite "does not exist") is reused. */
export const DNS_CACHE_TTL_MS = 60_000;

/** Past this many names the cache starts afresh: senders name domains without end. */
const MAX_ENTRIES = 10_000;

/** Answers that are as definite as records: the name or the record type does not exist. */
const DEFINITE_ERRORS = new Set(['ENOTFOUND', 'ENODATA']);

type Answer = Awaited<ReturnType<DNSResolver>>;

interface Entry {
  answer: Promise<Answer>;
  /** Infinity while in flight. */
  expiresAt: number;
}

export function createCachingResolver(deps: { resolve: DNSResolver; now?: () => number; ttlMs?: number }): DNSResolver {
  const now = deps.now ?? Date.now;
  const ttlMs = deps.ttlMs ?? DNS_CACHE_TTL_MS;
  const entries = new Map<string, Entry>();

  const ask = (key: string, name: string, rrtype: string): Entry => {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const entry: Entry = { answer: deps.resolve(name, rrtype), expiresAt: Infinity };
    entries.set(key, entry);
    entry.answer.then(
      () => { entry.expiresAt = now() + ttlMs; },
      (err: unknown) => {
        const code = (err as { code?: unknown } | null)?.code;
        if (typeof code === 'string' && DEFINITE_ERRORS.has(code)) entry.expiresAt = now() + ttlMs;
        else if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry;
  };

  return async (name, rrtype) => {
    const key = `${rrtype}:${name.toLowerCase().replace(/\.$/, '')}`;
    const cached = entries.get(key);
    const entry = cached && cached.expiresAt > now() ? cached : ask(key, name, rrtype);
    // Each caller gets its own arrays: the answer is shared, a caller may reorder what it got.
    return copyOf(await entry.answer);
  };
}

const copyOf = (answer: Answer): Answer => answer.map((record) => (Array.isArray(record) ? [...record] : record)) as Answer;
