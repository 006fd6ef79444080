// Admins: the workspace's conversation statuses, in menu order, with what SLA clocks do in each and
// any automatic move.
import { useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import type { StatusDefinition } from '../api/types.ts';
import { shortDuration } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';
import { StatusForm } from './status-form.tsx';
import '../admin/editors.css';

const clockText = { run: 'runs', pause: 'paused', stop: 'stopped' } as const;

function StatusList() {
  const toasts = useToasts();
  const [statuses, setStatuses] = useState<StatusDefinition[]>([]);
  const [editing, setEditing] = useState<{ status: StatusDefinition | null } | null>(null);
  const load = () => routingApi.statuses().then((r) => setStatuses(r.items), (err: unknown) => toasts.error(`Could not load the statuses: ${errorMessage(err)}`));
  useEffect(() => void load(), []);
  const saved = async (s: StatusDefinition) => {
    setEditing(null);
    await load();
    toasts.show({ tone: 'info', text: `${s.label} saved` });
  };
  const labelOf = (key: string | null) => statuses.find((s) => s.key === key)?.label ?? key;
  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Statuses</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ status: null })}>
            Add status
          </button>
        )}
      </div>
      {editing && <StatusForm key={editing.status?.key ?? 'new'} status={editing.status} statuses={statuses} onSaved={(s) => void saved(s)} onCancel={() => setEditing(null)} />}
      <div className="table-scroll board-card">
        <table className="channel-table" aria-label="Statuses">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Category</th>
              <th scope="col">SLA clock</th>
              <th scope="col">Moves by itself</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {statuses.map((s) => (
              <tr key={s.key}>
                <th scope="row">
                  {s.label} <span className="dim channel-address">{s.key}</span>
                </th>
                <td>{s.category}</td>
                <td>{clockText[s.slaClock]}</td>
                <td>{s.autoToKey ? `to ${labelOf(s.autoToKey)}${s.autoAfterSeconds ? ` after ${shortDuration(s.autoAfterSeconds * 1000)}` : ''}` : '—'}</td>
                <td>
                  <div className="channel-actions">
                    <button type="button" className="button" onClick={() => setEditing({ status: s })}>
                      Change
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function StatusesPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="statuses" testId="statuses-page" denied="Only admins can change statuses." onHelp={onHelp}>
      <StatusList />
    </AdminPage>
  );
}
