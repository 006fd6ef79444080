// Admins: business calendars, the open hours SLA targets count in (time zone, weekly hours with
// split shifts and overnight spans, holidays).
import { useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import type { BusinessCalendar, SlaPolicy } from '../api/types.ts';
import { useToasts } from '../ui/toasts.tsx';
import { CalendarForm } from './calendar-form.tsx';
import { DAYS } from './week-hours-editor.tsx';
import '../admin/editors.css';

function hoursText(c: BusinessCalendar): string {
  const days = DAYS.filter((d) => (c.weeklyHours[d.key] ?? []).length > 0).map((d) => `${d.label.slice(0, 3)} ${(c.weeklyHours[d.key] ?? []).map((s) => `${s.start}–${s.end}`).join(', ')}`);
  return days.join('; ') || 'closed every day';
}

function CalendarList() {
  const toasts = useToasts();
  const [calendars, setCalendars] = useState<BusinessCalendar[]>([]);
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [editing, setEditing] = useState<{ calendar: BusinessCalendar | null } | null>(null);
  const load = () =>
    Promise.all([routingApi.calendars(), routingApi.policies()]).then(
      ([c, p]) => {
        setCalendars(c.items);
        setPolicies(p.items);
      },
      (err: unknown) => toasts.error(`Could not load the business hours: ${errorMessage(err)}`),
    );
  useEffect(() => void load(), []);
  const saved = async (c: BusinessCalendar) => {
    setEditing(null);
    await load();
    toasts.show({ tone: 'info', text: `${c.name} saved` });
  };
  const usedBy = (id: string) => policies.filter((p) => p.calendarId === id).length;
  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Business hours</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ calendar: null })}>
            Add business hours
          </button>
        )}
      </div>
      {editing && <CalendarForm key={editing.calendar?.id ?? 'new'} calendar={editing.calendar} usedBy={editing.calendar ? usedBy(editing.calendar.id) : 0} onSaved={(c) => void saved(c)} onCancel={() => setEditing(null)} />}
      {calendars.length === 0 ? (
        <p className="board-empty">No business hours yet: SLA targets count every hour of the week.</p>
      ) : (
        <div className="table-scroll board-card">
          <table className="channel-table" aria-label="Business hours">
            <thead>
              <tr>
                <th scope="col">Calendar</th>
                <th scope="col">Time zone</th>
                <th scope="col">Open</th>
                <th scope="col">Holidays</th>
                <th scope="col" aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {calendars.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.timeZone}</td>
                  <td className="wrap-cell">{hoursText(c)}</td>
                  <td>{c.holidays.length}</td>
                  <td>
                    <div className="channel-actions">
                      <button type="button" className="button" onClick={() => setEditing({ calendar: c })}>
                        Change
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function CalendarsPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="calendars" testId="calendars-page" denied="Only admins can change business hours." onHelp={onHelp}>
      <CalendarList />
    </AdminPage>
  );
}
