// Admins: SLA policies, in the order they are tried (the first active one whose conditions hold
// applies to a conversation), each with its targets and calendar.
import { useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import type { BusinessCalendar, SlaPolicy } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { shortDuration } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';
import { PolicyForm } from './policy-form.tsx';
import '../admin/editors.css';

function summary(p: SlaPolicy): string {
  const normal = p.targets.normal ?? Object.values(p.targets)[0];
  const parts = [normal?.first_response && `first response ${shortDuration(normal.first_response * 1000)}`, normal?.resolution && `resolution ${shortDuration(normal.resolution * 1000)}`];
  return parts.filter(Boolean).join(', ') || '—';
}

function conditionsText(p: SlaPolicy, teamName: (id: string) => string): string {
  const c = p.conditions;
  const parts = [c.channel && `channel ${c.channel.join(' or ')}`, c.contactTier && `tier ${c.contactTier.join(' or ')}`, c.tags && `tagged ${c.tags.join(' or ')}`, c.teamId && `team ${c.teamId.map(teamName).join(' or ')}`];
  return parts.filter(Boolean).join('; ') || 'every conversation';
}

function PolicyList() {
  const { teams } = useSession();
  const toasts = useToasts();
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [calendars, setCalendars] = useState<BusinessCalendar[]>([]);
  const [editing, setEditing] = useState<{ policy: SlaPolicy | null } | null>(null);
  const load = () =>
    Promise.all([routingApi.policies(), routingApi.calendars()]).then(
      ([p, c]) => {
        setPolicies(p.items);
        setCalendars(c.items);
      },
      (err: unknown) => toasts.error(`Could not load the SLA policies: ${errorMessage(err)}`),
    );
  useEffect(() => void load(), []);
  const saved = async (p: SlaPolicy) => {
    setEditing(null);
    await load();
    toasts.show({ tone: 'info', text: `${p.name} saved` });
  };
  const calendarName = (id: string | null) => (id ? (calendars.find((c) => c.id === id)?.name ?? '?') : '24/7');
  const nextPosition = policies.reduce((max, p) => Math.max(max, p.position), 0) + 10;
  return (
    <>
      <div className="board-header">
        <h1 className="list-title">SLA policies</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ policy: null })}>
            Add policy
          </button>
        )}
      </div>
      {editing && <PolicyForm key={editing.policy?.id ?? 'new'} policy={editing.policy} nextPosition={nextPosition} calendars={calendars} onSaved={(p) => void saved(p)} onCancel={() => setEditing(null)} />}
      {policies.length === 0 ? (
        <p className="board-empty">No SLA policy yet: conversations have no due times.</p>
      ) : (
        <div className="table-scroll board-card">
          <table className="channel-table" aria-label="SLA policies">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Policy</th>
                <th scope="col">Applies to</th>
                <th scope="col">Normal priority</th>
                <th scope="col">Hours</th>
                <th scope="col" aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => (
                <tr key={p.id} className={p.active ? undefined : 'channel-off'}>
                  <td>{p.position}</td>
                  <th scope="row">
                    {p.name}
                    {!p.active && <span className="dim"> (off)</span>}
                  </th>
                  <td>{conditionsText(p, (id) => teams.find((t) => t.id === id)?.name ?? id)}</td>
                  <td>{summary(p)}</td>
                  <td>{calendarName(p.calendarId)}</td>
                  <td>
                    <div className="channel-actions">
                      <button type="button" className="button" onClick={() => setEditing({ policy: p })}>
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

export function SlaPoliciesPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="sla" testId="sla-page" denied="Only admins can change SLA policies." onHelp={onHelp}>
      <PolicyList />
    </AdminPage>
  );
}
