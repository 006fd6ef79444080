// What Postgres refuses to store, removed in one place for every channel: text and jsonb cannot
// hold U+0000, and jsonb refuses a lone UTF-16 surrogate. A customer's subject with a NUL byte in
// it would otherwise fail ingest on every retry and never reach the inbox.

const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without NUL characters, with any lone surrogate replaced by U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with every string (and object key) cleaned; bytes, dates and other class
 * instances are kept as they are. Callers bound the depth first (channels/json-depth.ts).
 */
export function cleanForPostgres<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => cleanForPostgres(v)) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[cleanText(key)] = cleanForPostgres(v);
  return out as T;
}
