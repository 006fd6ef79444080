// Supervisors and admins: macros, named lists of actions agents apply to a conversation in one
// click (reply from a template, tags, assignment, status, priority). Shared with everyone, or
// personal. The server checks every action at save and names the one at fault.
import { FormFooter, SettingsPage } from '../admin/admin-ui.tsx';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import { taskApi } from '../api/task-endpoints.ts';
import type { Macro, StatusDefinition } from '../api/types.ts';
import { macroActionLabel } from '../conversation/macro-outcome.ts';
import { ActionEditor, actionOf, blankAction, draftOf, type ActionDraft } from '../macros/action-editor.tsx';
import { isSupervisor, useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import '../macros/macros.css';
import { RowActions } from '../admin/row-actions.tsx';

const PLACEHOLDERS = '{{contact.name}}, {{contact.email}}, {{agent.name}}, {{conversation.number}}';

function MacroForm({ item, statuses, onSaved, onCancel }: { item: Macro | null; statuses: StatusDefinition[]; onSaved(m: Macro): void; onCancel(): void }) {
  const [name, setName] = useState(item?.name ?? '');
  const [shared, setShared] = useState(item?.shared ?? true);
  const [drafts, setDrafts] = useState<ActionDraft[]>(() => (item ? item.actions.map(draftOf) : [blankAction()]));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (i: number, d: ActionDraft) => setDrafts((all) => all.map((x, j) => (j === i ? d : x)));
  const up = (i: number) => setDrafts((all) => all.map((x, j) => (j === i - 1 ? all[i]! : j === i ? all[i - 1]! : x)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = { name, shared, actions: drafts.map(actionOf) };
      onSaved(item ? await taskApi.updateMacro(item.id, body) : await taskApi.createMacro(body));
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="channel-form board-card" aria-label={item ? `Change ${item.name}` : 'Add a macro'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{item ? `Change ${item.name}` : 'Add a macro'}</h2>
      <label className="form-field" htmlFor="macro-name">
        <span>Name *</span>
        <input id="macro-name" value={name} maxLength={100} placeholder="e.g. Refund sent" onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="macro-shared">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Shared with every agent (otherwise only you see it)
      </label>
      <div className="form-field">
        <span>Actions, in order *</span>
        <div className="macro-actions-box">
        <ol className="macro-actions">
          {drafts.map((d, i) => (
            <ActionEditor key={i} index={i} draft={d} statuses={statuses} onChange={(x) => set(i, x)} onRemove={() => setDrafts((all) => all.filter((_, j) => j !== i))} onUp={i > 0 ? () => up(i) : undefined} />
          ))}
        </ol>
        <button type="button" className="button" onClick={() => setDrafts((all) => [...all, blankAction()])}>
          Add action
        </button>
        <span className="dim small macro-placeholders">Reply placeholders: {PLACEHOLDERS}</span>
        </div>
      </div>
      <FormFooter error={error} saving={saving} canSubmit={!!name.trim() && drafts.length > 0} submitLabel={item ? 'Save changes' : 'Add'} onCancel={onCancel} />
    </form>
  );
}

function MacroList() {
  const toasts = useToasts();
  const [macros, setMacros] = useState<Macro[]>([]);
  const [statuses, setStatuses] = useState<StatusDefinition[]>([]);
  const [editing, setEditing] = useState<{ item: Macro | null } | null>(null);
  const reload = () => taskApi.macros().then((r) => setMacros(r.items), (err: unknown) => toasts.error(`Could not load macros: ${errorMessage(err)}`));
  useEffect(() => {
    void reload();
    routingApi.statuses().then((r) => setStatuses(r.items), () => undefined);
  }, []);

  const saved = async (m: Macro) => {
    setEditing(null);
    await reload();
    toasts.show({ tone: 'info', text: `${m.name} saved` });
  };
  const remove = async (m: Macro) => {
    if (!window.confirm(`Delete the macro ${m.name}?`)) return;
    try {
      await taskApi.deleteMacro(m.id);
      await reload();
    } catch (err) {
      toasts.error(`Could not delete ${m.name}: ${errorMessage(err)}`);
    }
  };

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Macros</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ item: null })}>
            Add macro
          </button>
        )}
      </div>
      {editing && <MacroForm key={editing.item?.id ?? 'new'} item={editing.item} statuses={statuses} onSaved={(m) => void saved(m)} onCancel={() => setEditing(null)} />}
      {macros.length === 0 ? (
        <p className="board-empty">None yet. Agents apply macros from a conversation’s Macros menu.</p>
      ) : (
        <table className="channel-table board-card" aria-label="Macros">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Actions</th>
              <th scope="col">Who sees it</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {macros.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.actions.map((a) => macroActionLabel[a.type]).join(' → ')}</td>
                <td>{m.shared ? 'Everyone' : `Only ${m.owner?.name ?? 'its owner'}`}</td>
                <td>
                  <RowActions onChange={() => setEditing({ item: m })} onRemove={() => void remove(m)} removeLabel="Delete" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function MacrosPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <SettingsPage active="macros" testId="macros-page" allowed={isSupervisor(me)} denied="Only supervisors and admins can change macros." onHelp={onHelp}>
      <MacroList />
    </SettingsPage>
  );
}
