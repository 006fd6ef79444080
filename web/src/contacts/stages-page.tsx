// Admin → Lifecycle stages: the ordered list a contact's stage is picked from. Add, rename, move
// up and down, and remove; removing a stage contacts are in first asks where they move.
import { useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { contactApi } from '../api/contact-endpoints.ts';
import type { LifecycleStage } from '../api/types.ts';
import { useToasts } from '../ui/toasts.tsx';
import { reloadContactSettings } from './use-contact-settings.ts';
import './contacts.css';

function RemoveStage({ stage, others, onDone, onCancel }: { stage: LifecycleStage; others: LifecycleStage[]; onDone(p: Promise<{ items: LifecycleStage[] }>): void; onCancel(): void }) {
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? 'none');
  return (
    <div className="stage-move" role="group" aria-label={`Remove ${stage.name}`}>
      <span>
        {stage.contactCount} contact{stage.contactCount === 1 ? ' is' : 's are'} in “{stage.name}”. Move them to
      </span>
      <select aria-label="Move its contacts to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
        {others.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        <option value="none">no stage</option>
      </select>
      <button type="button" className="button-primary" onClick={() => onDone(contactApi.removeStage(stage.id, moveTo))}>
        Move and remove
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function StageList() {
  const [stages, setStages] = useState<LifecycleStage[]>([]);
  const [adding, setAdding] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const toasts = useToasts();
  useEffect(() => {
    contactApi.stages().then((r) => setStages(r.items), (err: unknown) => toasts.error(errorMessage(err)));
  }, [toasts]);

  const apply = async (p: Promise<{ items: LifecycleStage[] }>) => {
    try {
      setStages((await p).items);
      setRemoving(null);
      reloadContactSettings();
      return true;
    } catch (err) {
      toasts.error(errorMessage(err));
      return false;
    }
  };
  const move = (i: number, by: number) => {
    const ids = stages.map((s) => s.id);
    const [id] = ids.splice(i, 1);
    ids.splice(i + by, 0, id!);
    void apply(contactApi.reorderStages(ids));
  };
  const rename = (s: LifecycleStage) => {
    const name = window.prompt(`Rename “${s.name}” to`, s.name)?.trim();
    if (name && name !== s.name) void apply(contactApi.renameStage(s.id, name));
  };
  const remove = (s: LifecycleStage) => {
    if (s.contactCount > 0) return setRemoving(s.id);
    if (window.confirm(`Remove the stage “${s.name}”?`)) void apply(contactApi.removeStage(s.id));
  };

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Lifecycle stages</h1>
      </div>
      <section className="board-card">
        <ol className="stage-list" aria-label="Lifecycle stages">
          {stages.map((s, i) => (
            <li key={s.id} className="stage-item" data-stage={s.name}>
              <span className="stage-name">
                {i + 1}. {s.name}
              </span>
              <span className="dim small">
                {s.contactCount} contact{s.contactCount === 1 ? '' : 's'}
              </span>
              <button type="button" className="button" aria-label={`Move ${s.name} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" className="button" aria-label={`Move ${s.name} down`} disabled={i === stages.length - 1} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" className="button" onClick={() => rename(s)}>
                Rename
              </button>
              <button type="button" className="button" onClick={() => remove(s)}>
                Remove
              </button>
              {removing === s.id && <RemoveStage stage={s} others={stages.filter((o) => o.id !== s.id)} onDone={(p) => void apply(p)} onCancel={() => setRemoving(null)} />}
            </li>
          ))}
        </ol>
        <form
          className="save-view"
          aria-label="Add a stage"
          onSubmit={(e) => {
            e.preventDefault();
            void apply(contactApi.addStage(adding.trim())).then((ok) => ok && setAdding(''));
          }}
        >
          <input type="text" aria-label="New stage" placeholder="New stage, e.g. churned" value={adding} maxLength={50} onChange={(e) => setAdding(e.target.value)} />
          <button type="submit" className="button-primary" disabled={!adding.trim()}>
            Add stage
          </button>
        </form>
      </section>
    </>
  );
}

export function StagesPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="stages" testId="stages-page" denied="Only admins can change the lifecycle stages." onHelp={onHelp}>
      <StageList />
    </AdminPage>
  );
}
