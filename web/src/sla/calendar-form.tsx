// Adding or changing a business calendar: its time zone, weekly hours and holidays. Changing one
// that policies use shows how many open conversations get new due times before it is saved.
import { useMemo, useState, type FormEvent } from 'react';
import { FormFooter } from '../admin/admin-ui.tsx';
import { FieldError, invalidProps, noProblems, problemsOf, useFocusFirstProblem, type Problems } from '../admin/field-problems.tsx';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import type { BusinessCalendar, CalendarBody } from '../api/types.ts';
import { HolidaysEditor } from './holidays-editor.tsx';
import { ImpactNote } from './impact-note.tsx';
import { useImpact } from './use-impact.ts';
import { forTimeInputs, WeekHoursEditor, type WeeklyHours } from './week-hours-editor.tsx';

function timeZones(current: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  return [...new Set(['UTC', current, ...all])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const weekdays9to5 = (): WeeklyHours => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));

interface Props {
  calendar: BusinessCalendar | null;
  /** How many SLA policies count in this calendar (0 for a new one). */
  usedBy: number;
  onSaved(c: BusinessCalendar): void;
  onCancel(): void;
}

export function CalendarForm({ calendar, usedBy, onSaved, onCancel }: Props) {
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? browserZone());
  const [weeklyHours, setWeeklyHours] = useState<WeeklyHours>(() => (calendar ? forTimeInputs(calendar.weeklyHours) : weekdays9to5()));
  const [holidays, setHolidays] = useState<string[]>(calendar?.holidays ?? []);
  const [problems, setProblems] = useState<Problems>(noProblems);
  useFocusFirstProblem(problems);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const zones = useMemo(() => timeZones(timeZone), [timeZone]);
  const body: CalendarBody = { name, timeZone, weeklyHours, holidays };
  const impact = useImpact(calendar && usedBy > 0 ? (signal) => routingApi.previewCalendar(calendar.id, body, signal) : null, JSON.stringify(body));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(await routingApi.saveCalendar(calendar?.id ?? null, body));
    } catch (err) {
      setProblems(problemsOf(err));
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="board-card editor-form" aria-label={calendar ? `Change ${calendar.name}` : 'Add business hours'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{calendar ? `Change ${calendar.name}` : 'Add business hours'}</h2>
      <div className="editor-grid">
        <label className="editor-field" htmlFor="calendar-name">
          <span>Name *</span>
          <input id="calendar-name" value={name} maxLength={80} placeholder="e.g. Berlin office" {...invalidProps(problems, 'name')} onChange={(e) => setName(e.target.value)} />
          <FieldError problems={problems} path="name" />
        </label>
        <label className="editor-field" htmlFor="calendar-zone">
          <span>Time zone</span>
          <select id="calendar-zone" value={timeZone} {...invalidProps(problems, 'timeZone')} onChange={(e) => setTimeZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          <FieldError problems={problems} path="timeZone" />
        </label>
      </div>
      <WeekHoursEditor value={weeklyHours} problems={problems} onChange={setWeeklyHours} />
      <HolidaysEditor value={holidays} problems={problems} onChange={setHolidays} />
      {calendar && <p className="dim small">{usedBy === 0 ? 'No SLA policy counts in these hours yet.' : `${usedBy} SLA polic${usedBy === 1 ? 'y counts' : 'ies count'} in these hours.`}</p>}
      <ImpactNote impact={impact} />
      <FormFooter error={error} saving={saving} canSubmit={!!name.trim()} submitLabel={calendar ? 'Save hours' : 'Add business hours'} onCancel={onCancel} />
    </form>
  );
}
