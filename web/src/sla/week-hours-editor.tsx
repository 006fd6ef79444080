// The weekly open hours of a business calendar: any number of spans per day (split shifts), a span
// whose end is not after its start runs past midnight (overnight; 00:00 means until midnight).
import { FieldError, type Problems } from '../admin/field-problems.tsx';
import type { BusinessCalendar } from '../api/types.ts';

export type WeeklyHours = BusinessCalendar['weeklyHours'];
type Day = keyof WeeklyHours;
type Span = NonNullable<WeeklyHours[Day]>[number];

export const DAYS: { key: Day; label: string }[] = [
  { key: 'mon', label: 'Monday' },
  { key: 'tue', label: 'Tuesday' },
  { key: 'wed', label: 'Wednesday' },
  { key: 'thu', label: 'Thursday' },
  { key: 'fri', label: 'Friday' },
  { key: 'sat', label: 'Saturday' },
  { key: 'sun', label: 'Sunday' },
];

/** A time input cannot show 24:00; 00:00 as an end means the same (until midnight). */
export function forTimeInputs(hours: WeeklyHours): WeeklyHours {
  return Object.fromEntries(Object.entries(hours).map(([day, spans]) => [day, (spans ?? []).map((s) => ({ ...s, end: s.end === '24:00' ? '00:00' : s.end }))]));
}

function spanNote(s: Span): string | null {
  if (s.end === '00:00') return 'until midnight';
  return s.end <= s.start ? 'overnight, ends the next day' : null;
}

function DayRow({ day, label, spans, problems, onChange }: { day: Day; label: string; spans: Span[]; problems: Problems; onChange(spans: Span[]): void }) {
  return (
    <div className="day-row" role="group" aria-label={label}>
      <span className="day-label">{label}</span>
      <div className="day-spans">
        {spans.length === 0 && <span className="dim">Closed</span>}
        {spans.map((s, i) => (
          <span key={i} className="span-row">
            <input type="time" aria-label={`${label} opens (${i + 1})`} value={s.start} onChange={(e) => onChange(spans.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))} />
            <span aria-hidden="true">–</span>
            <input type="time" aria-label={`${label} closes (${i + 1})`} value={s.end} onChange={(e) => onChange(spans.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))} />
            {spanNote(s) && <span className="dim small">{spanNote(s)}</span>}
            <button type="button" className="button-quiet" aria-label={`Remove ${label} hours ${i + 1}`} onClick={() => onChange(spans.filter((_, j) => j !== i))}>
              Remove
            </button>
          </span>
        ))}
        <FieldError problems={problems} path={`weeklyHours.${day}`} under />
      </div>
      <button type="button" className="button" aria-label={`Add hours on ${label}`} onClick={() => onChange([...spans, spans.length ? { start: '14:00', end: '18:00' } : { start: '09:00', end: '17:00' }])}>
        Add hours
      </button>
    </div>
  );
}

export function WeekHoursEditor({ value, problems, onChange }: { value: WeeklyHours; problems: Problems; onChange(v: WeeklyHours): void }) {
  const monday = value.mon ?? [];
  return (
    <fieldset className="check-group week-hours">
      <legend>Open hours</legend>
      {DAYS.map((d) => (
        <DayRow key={d.key} day={d.key} label={d.label} spans={value[d.key] ?? []} problems={problems} onChange={(spans) => onChange({ ...value, [d.key]: spans })} />
      ))}
      <div>
        <button type="button" className="button-quiet" disabled={monday.length === 0} onClick={() => onChange({ ...value, tue: monday, wed: monday, thu: monday, fri: monday })}>
          Copy Monday to Tuesday–Friday
        </button>
      </div>
    </fieldset>
  );
}
