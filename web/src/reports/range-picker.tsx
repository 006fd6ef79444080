// The Reports page's date range: presets (today, last 7 days, last 30 days) or two dates, always
// local dates of the workspace's time zone; the bucket (day or week) beside it.
import { useState } from 'react';
import type { ReportQuery } from '../api/types.ts';

export type Preset = 'today' | '7' | '30' | 'range';

/** Today's date in `timeZone` as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function daysBefore(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

export function presetRange(preset: Exclude<Preset, 'range'>, timeZone: string): { from: string; to: string } {
  const to = todayIn(timeZone);
  return { from: preset === 'today' ? to : daysBefore(to, Number(preset) - 1), to };
}

const PRESETS: { key: Preset; label: string }[] = [
  { key: 'today', label: 'Today' },
  { key: '7', label: 'Last 7 days' },
  { key: '30', label: 'Last 30 days' },
  { key: 'range', label: 'Custom' },
];

export function RangePicker(p: { query: ReportQuery; timeZone: string; onChange(q: ReportQuery): void }) {
  const [preset, setPreset] = useState<Preset>('7');
  const [from, setFrom] = useState(p.query.from);
  const [to, setTo] = useState(p.query.to);
  const choose = (key: Preset) => {
    setPreset(key);
    if (key !== 'range') {
      const range = presetRange(key, p.timeZone);
      setFrom(range.from);
      setTo(range.to);
      p.onChange({ ...p.query, ...range });
    }
  };
  return (
    <div className="report-range" role="group" aria-label="Date range">
      <div className="segmented" role="radiogroup" aria-label="Preset">
        {PRESETS.map((x) => (
          <button key={x.key} type="button" role="radio" aria-checked={preset === x.key} className={preset === x.key ? 'segment segment-on' : 'segment'} onClick={() => choose(x.key)}>
            {x.label}
          </button>
        ))}
      </div>
      {preset === 'range' && (
        <form
          className="report-custom"
          onSubmit={(e) => {
            e.preventDefault();
            p.onChange({ ...p.query, from, to });
          }}
        >
          <label>
            From <input type="date" aria-label="From" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            To <input type="date" aria-label="To" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={!from || !to || from > to}>
            Show
          </button>
        </form>
      )}
      <label className="report-bucket">
        By{' '}
        <select aria-label="Bucket" value={p.query.bucket ?? 'day'} onChange={(e) => p.onChange({ ...p.query, bucket: e.target.value as 'day' | 'week' })}>
          <option value="day">day</option>
          <option value="week">week</option>
        </select>
      </label>
      <span className="report-tz" title="Report dates are in the workspace's time zone">
        Time zone: {p.timeZone}
      </span>
    </div>
  );
}
