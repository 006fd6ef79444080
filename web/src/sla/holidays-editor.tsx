// A business calendar's holidays: whole local dates on which the calendar is closed.
import { useState } from 'react';
import { FieldError, type Problems } from '../admin/field-problems.tsx';

export function HolidaysEditor({ value, problems, onChange }: { value: string[]; problems: Problems; onChange(v: string[]): void }) {
  const [date, setDate] = useState('');
  const add = () => {
    if (!date || value.includes(date)) return;
    onChange([...value, date].sort());
    setDate('');
  };
  return (
    <fieldset className="check-group">
      <legend>Holidays (closed all day)</legend>
      <ul className="holiday-list">
        {value.map((d) => (
          <li key={d}>
            <time dateTime={d}>{new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}</time>
            <button type="button" className="button-quiet" aria-label={`Remove holiday ${d}`} onClick={() => onChange(value.filter((x) => x !== d))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="skill-row">
        <input type="date" aria-label="Holiday date" value={date} onChange={(e) => setDate(e.target.value)} />
        <button type="button" className="button" disabled={!date} onClick={add}>
          Add holiday
        </button>
      </div>
      <FieldError problems={problems} path="holidays" under />
    </fieldset>
  );
}
