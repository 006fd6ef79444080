// Admins: the routing queues. Each has a name the workflow's steps use, an optional team, and a
// mode: push assigns the chosen agent at once; offer asks them first and tries the next agent
// when they decline or the offer times out.
import { useEffect, useState, type FormEvent } from 'react';
import { FormFooter, AdminPage } from '../admin/admin-ui.tsx';
import { DurationInput } from '../admin/duration-input.tsx';
import { FieldError, invalidProps, noProblems, problemsOf, useFocusFirstProblem, type Problems } from '../admin/field-problems.tsx';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import type { Queue } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import '../admin/editors.css';

function QueueForm({ queue, onSaved, onCancel }: { queue: Queue | null; onSaved(q: Queue): void; onCancel(): void }) {
  const { teams } = useSession();
  const [name, setName] = useState(queue?.name ?? '');
  const [teamId, setTeamId] = useState(queue?.teamId ?? '');
  const [mode, setMode] = useState<Queue['mode']>(queue?.mode ?? 'push');
  const [timeout, setTimeoutSeconds] = useState<number | null>(queue?.offerTimeoutSeconds ?? 30);
  const [problems, setProblems] = useState<Problems>(noProblems);
  useFocusFirstProblem(problems);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const fields = { name, teamId: teamId || null, mode, ...(mode === 'offer' || queue ? { offerTimeoutSeconds: timeout ?? 0 } : {}) };
    try {
      onSaved(queue ? await routingApi.updateQueue(queue.id, fields) : await routingApi.createQueue(fields));
    } catch (err) {
      setProblems(problemsOf(err));
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="channel-form board-card editor-form" aria-label={queue ? `Change ${queue.name}` : 'Add a queue'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{queue ? `Change ${queue.name}` : 'Add a queue'}</h2>
      <label className="editor-field" htmlFor="queue-name">
        <span>Name *</span>
        <input id="queue-name" value={name} maxLength={80} placeholder="e.g. Billing" {...invalidProps(problems, 'name')} onChange={(e) => setName(e.target.value)} />
        <FieldError problems={problems} path="name" />
      </label>
      <label className="editor-field" htmlFor="queue-team">
        <span>Team</span>
        <select id="queue-team" value={teamId} {...invalidProps(problems, 'teamId')} onChange={(e) => setTeamId(e.target.value)}>
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <FieldError problems={problems} path="teamId" />
      </label>
      <fieldset className="check-group">
        <legend>Mode</legend>
        <div className="check-options">
          <label className="check-option">
            <input type="radio" name="queue-mode" checked={mode === 'push'} onChange={() => setMode('push')} /> Push: assign at once
          </label>
          <label className="check-option">
            <input type="radio" name="queue-mode" checked={mode === 'offer'} onChange={() => setMode('offer')} /> Offer: the agent accepts or declines
          </label>
        </div>
      </fieldset>
      {mode === 'offer' && (
        <div className="editor-field">
          <span>Offer expires after</span>
          <DurationInput id="queue-offer-timeout" label="Offer timeout" value={timeout} defaultUnit="min" invalid={invalidProps(problems, 'offerTimeoutSeconds')} onChange={setTimeoutSeconds} />
          <FieldError problems={problems} path="offerTimeoutSeconds" />
        </div>
      )}
      <FormFooter error={problems.size > 0 ? null : error} saving={saving} canSubmit={!!name.trim()} submitLabel={queue ? 'Save changes' : 'Add queue'} onCancel={onCancel} />
    </form>
  );
}

function QueueList() {
  const { teams } = useSession();
  const toasts = useToasts();
  const [queues, setQueues] = useState<Queue[] | null>(null);
  const [editing, setEditing] = useState<{ queue: Queue | null } | null>(null);
  const load = () => routingApi.queues().then((r) => setQueues(r.items), (err: unknown) => toasts.error(`Could not load the queues: ${errorMessage(err)}`));
  useEffect(() => void load(), []);
  const saved = async (q: Queue) => {
    setEditing(null);
    await load();
    toasts.show({ tone: 'info', text: `${q.name} saved` });
  };
  const teamName = (id: string | null) => teams.find((t) => t.id === id)?.name ?? '—';
  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Queues</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ queue: null })}>
            Add queue
          </button>
        )}
      </div>
      {editing && <QueueForm key={editing.queue?.id ?? 'new'} queue={editing.queue} onSaved={(q) => void saved(q)} onCancel={() => setEditing(null)} />}
      <div className="table-scroll board-card">
        <table className="channel-table" aria-label="Queues">
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Team</th>
              <th scope="col">Mode</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {(queues ?? []).map((q) => (
              <tr key={q.id}>
                <th scope="row">{q.name}</th>
                <td>{teamName(q.teamId)}</td>
                <td>{q.mode === 'offer' ? `offer, ${q.offerTimeoutSeconds} s to accept` : 'push'}</td>
                <td>
                  <div className="channel-actions">
                    <button type="button" className="button" onClick={() => setEditing({ queue: q })}>
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

export function QueuesPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="queues" testId="queues-page" denied="Only admins can change queues." onHelp={onHelp}>
      <QueueList />
    </AdminPage>
  );
}
