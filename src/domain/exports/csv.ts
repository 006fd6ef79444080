// RFC 4180 CSV fields and lines: a field holding a comma, a quote, CR or LF is quoted (quotes
// doubled); lines end in CRLF. A text that a spreadsheet would run as a formula (it starts with
// = + - @, a tab or CR) is neutralised with a leading apostrophe (OWASP "CSV injection").
const needsQuotes = /[",\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

/** One text field as CSV; `text: false` for numbers and timestamps, which are never neutralised. */
export function csvField(value: string, opts: { text?: boolean } = {}): string {
  const safe = opts.text !== false && formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV line (CRLF-terminated) of already rendered fields. */
export const csvLine = (fields: readonly string[]): string => `${fields.join(',')}\r\n`;
