// Raw email header access by lower-case name, unfolded, without mailparser's interpretation (it
// turns an unparseable Date into "now" and keeps only the first of some repeated headers).
export interface HeaderField {
  key: string;
  value: string;
}

export interface HeaderLookup {
  /** The first value of a header, trimmed and unfolded, or null if the header is absent. */
  first(name: string): string | null;
  /** Every value of a header, in message order. */
  all(name: string): string[];
  /** How many well-formed header fields there are. */
  readonly size: number;
}

// RFC 5322 field names are printable ASCII without spaces or colons.
const FIELD_NAME = /^[!-9;-~]+$/;

export function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

export function headerLookup(fields: readonly HeaderField[]): HeaderLookup {
  const valid = fields.filter((f) => FIELD_NAME.test(f.key));
  const all = (name: string) => valid.filter((f) => f.key === name.toLowerCase()).map((f) => f.value);
  return { first: (name) => all(name)[0] ?? null, all, size: valid.length };
}

/** Fields from mailparser's `headerLines` (`{ key, line: 'Key: value' }`, folding kept). */
export function fieldsFromHeaderLines(lines: ReadonlyArray<{ key: string; line: string }>): HeaderField[] {
  return lines.map(({ key, line }) => {
    const colon = line.indexOf(':');
    return { key: key.toLowerCase(), value: colon < 0 ? '' : unfold(line.slice(colon + 1)) };
  });
}

/** Fields of a header block (an attached message, a delivery report block); stops at the first blank line. */
export function parseHeaderBlock(text: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') break;
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}
