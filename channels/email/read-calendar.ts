// A meeting invitation's VCALENDAR (RFC 5545) as a few readable lines: what, when, where, who
// organises it. Only the properties agents need are read; everything else stays in the .ics file,
// which is kept as an attachment.

export interface CalendarSummary {
  method: string | null;
  summary: string | null;
  start: string | null;
  end: string | null;
  location: string | null;
  organiser: string | null;
  description: string | null;
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfoldLines(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}

function parseLine(line: string): Property | null {
  // The value starts at the first colon outside a quoted parameter value.
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    if (c === ':' && !quoted) {
      const [name = '', ...rawParams] = line.slice(0, i).split(';');
      const params: Record<string, string> = {};
      for (const p of rawParams) {
        const eq = p.indexOf('=');
        if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
      }
      return { name: name.toUpperCase(), params, value: line.slice(i + 1) };
    }
  }
  return null;
}

/** RFC 5545 §3.3.11 TEXT escapes. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c)).trim();
}

/** "2008-07-01 16:00 UTC", "2014-01-07 10:00 (America/Toronto)", "2014-01-07" for a date. */
function readableTime(p: Property | undefined): string | null {
  if (!p) return null;
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})\d{2}(Z)?)?$/.exec(p.value.trim());
  if (!m) return p.value.trim() || null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!m[4]) return date;
  const zone = m[6] ? ' UTC' : p.params.TZID ? ` (${p.params.TZID})` : '';
  return `${date} ${m[4]}:${m[5]}${zone}`;
}

function organiserOf(p: Property | undefined): string | null {
  if (!p) return null;
  const address = p.value.replace(/^mailto:/i, '').trim();
  const name = p.params.CN?.trim();
  return name ? `${name} <${address}>` : address || null;
}

/** The first event of a calendar, or null when the text holds no VEVENT. */
export function readCalendar(text: string): CalendarSummary | null {
  const lines = unfoldLines(text).map(parseLine).filter((p): p is Property => p !== null);
  const begin = lines.findIndex((p) => p.name === 'BEGIN' && p.value.trim().toUpperCase() === 'VEVENT');
  if (begin < 0) return null;
  const endAt = lines.findIndex((p, i) => i > begin && p.name === 'END' && p.value.trim().toUpperCase() === 'VEVENT');
  const event = lines.slice(begin + 1, endAt < 0 ? undefined : endAt);
  const first = (name: string) => event.find((p) => p.name === name);
  const text_ = (name: string) => (first(name) ? unescapeText(first(name)!.value) || null : null);
  const method = lines.find((p) => p.name === 'METHOD')?.value.trim().toUpperCase() ?? null;
  return {
    method,
    summary: text_('SUMMARY'),
    start: readableTime(first('DTSTART')),
    end: readableTime(first('DTEND')),
    location: text_('LOCATION'),
    organiser: organiserOf(first('ORGANIZER')),
    description: text_('DESCRIPTION'),
  };
}

const HEADINGS: Record<string, string> = { REQUEST: 'Meeting invitation', CANCEL: 'Meeting cancelled', REPLY: 'Meeting reply', COUNTER: 'Meeting counter-proposal' };

/** The summary as text an agent reads. */
export function describeCalendar(c: CalendarSummary): string {
  const heading = (c.method && HEADINGS[c.method]) ?? 'Calendar event';
  const when = c.start ? (c.end ? `${c.start} – ${c.end}` : c.start) : null;
  return [
    `${heading}: ${c.summary ?? '(no title)'}`,
    ...(when ? [`When: ${when}`] : []),
    ...(c.location ? [`Where: ${c.location}`] : []),
    ...(c.organiser ? [`Organiser: ${c.organiser}`] : []),
    ...(c.description ? ['', c.description] : []),
  ].join('\n');
}
