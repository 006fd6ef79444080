// Supervisors and admins: the team's canned responses (what "/" offers in the reply box). Add,
// change and delete them; placeholders such as {{contact.name}} are filled in when used.
import { FormFooter, SettingsPage } from '../admin/admin-ui.tsx';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { CannedResponse } from '../api/types.ts';
import { isSupervisor, useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import { RowActions } from '../admin/row-actions.tsx';

const PLACEHOLDERS = '{{contact.name}}, {{contact.email}}, {{agent.name}}, {{conversation.number}}';

function CannedForm({ item, onSaved, onCancel }: { item: CannedResponse | null; onSaved(c: CannedResponse): void; onCancel(): void }) {
  const [shortcut, setShortcut] = useState(item?.shortcut ?? '');
  const [title, setTitle] = useState(item?.title ?? '');
  const [body, setBody] = useState(item?.body ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const fields = { shortcut, title, body };
      onSaved(item ? await api.updateCannedResponse(item.id, fields) : await api.createCannedResponse(fields));
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="channel-form board-card" aria-label={item ? `Change /${item.shortcut}` : 'Add a canned response'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{item ? `Change /${item.shortcut}` : 'Add a canned response'}</h2>
      <label className="form-field" htmlFor="canned-shortcut">
        <span>Shortcut *</span>
        <input id="canned-shortcut" value={shortcut} maxLength={41} placeholder="e.g. refund" onChange={(e) => setShortcut(e.target.value)} />
      </label>
      <label className="form-field" htmlFor="canned-title">
        <span>Title *</span>
        <input id="canned-title" value={title} maxLength={200} placeholder="e.g. Refund on its way" onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="form-field" htmlFor="canned-body">
        <span>Text *</span>
        <textarea id="canned-body" rows={5} value={body} placeholder={`Placeholders: ${PLACEHOLDERS}`} onChange={(e) => setBody(e.target.value)} />
      </label>
      <FormFooter error={error} saving={saving} canSubmit={!!shortcut.trim() && !!title.trim() && !!body.trim()} submitLabel={item ? 'Save changes' : 'Add'} onCancel={onCancel} />
    </form>
  );
}

function CannedList() {
  const { canned, reloadDirectory } = useSession();
  const toasts = useToasts();
  const [editing, setEditing] = useState<{ item: CannedResponse | null } | null>(null);

  const saved = async (c: CannedResponse) => {
    setEditing(null);
    await reloadDirectory();
    toasts.show({ tone: 'info', text: `/${c.shortcut} saved` });
  };
  const remove = async (c: CannedResponse) => {
    if (!window.confirm(`Delete /${c.shortcut} (${c.title})?`)) return;
    try {
      await api.deleteCannedResponse(c.id);
      await reloadDirectory();
    } catch (err) {
      toasts.error(`Could not delete /${c.shortcut}: ${errorMessage(err)}`);
    }
  };

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Canned responses</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ item: null })}>
            Add canned response
          </button>
        )}
      </div>
      {editing && <CannedForm key={editing.item?.id ?? 'new'} item={editing.item} onSaved={(c) => void saved(c)} onCancel={() => setEditing(null)} />}
      {canned.length === 0 ? (
        <p className="board-empty">None yet. Agents type “/” in the reply box to use them.</p>
      ) : (
        <table className="channel-table board-card" aria-label="Canned responses">
          <thead>
            <tr>
              <th scope="col">Shortcut</th>
              <th scope="col">Title</th>
              <th scope="col">Text</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {canned.map((c) => (
              <tr key={c.id}>
                <th scope="row" className="channel-address">
                  /{c.shortcut}
                </th>
                <td>{c.title}</td>
                <td className="canned-body">{c.body}</td>
                <td>
                  <RowActions onChange={() => setEditing({ item: c })} onRemove={() => void remove(c)} removeLabel="Delete" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function CannedPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <SettingsPage active="canned" testId="canned-page" allowed={isSupervisor(me)} denied="Only supervisors and admins can change canned responses." onHelp={onHelp}>
      <CannedList />
    </SettingsPage>
  );
}
