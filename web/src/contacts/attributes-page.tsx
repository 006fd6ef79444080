// Admin → Contact attributes: the typed custom fields every contact can carry (text, number,
// date, a choice of options), optionally required. Key and type are fixed once made; removing one
// removes its values from every contact.
import { useEffect, useState, type FormEvent } from 'react';
import { AdminPage, FormFooter } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { contactApi } from '../api/contact-endpoints.ts';
import type { AttributeDefinition } from '../api/types.ts';
import { useToasts } from '../ui/toasts.tsx';
import { reloadContactSettings } from './use-contact-settings.ts';
import './contacts.css';
import { RowActions } from '../admin/row-actions.tsx';

const TYPES = ['text', 'number', 'date', 'choice'] as const;
const splitOptions = (s: string) => s.split(',').map((o) => o.trim()).filter(Boolean);

function AttributeForm({ item, onSaved, onCancel }: { item: AttributeDefinition | null; onSaved(): void; onCancel(): void }) {
  const [key, setKey] = useState(item?.key ?? '');
  const [label, setLabel] = useState(item?.label ?? '');
  const [type, setType] = useState<AttributeDefinition['type']>(item?.type ?? 'text');
  const [options, setOptions] = useState(item?.options.join(', ') ?? '');
  const [required, setRequired] = useState(item?.required ?? false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const opts = type === 'choice' ? { options: splitOptions(options) } : {};
      if (item) await contactApi.updateAttribute(item.id, { label, required, ...opts });
      else await contactApi.createAttribute({ key, label, type, required, ...opts });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };
  return (
    <form className="channel-form board-card" aria-label={item ? `Change ${item.label}` : 'Add an attribute'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{item ? `Change ${item.label}` : 'Add an attribute'}</h2>
      <label className="form-field">
        <span>Key *</span>
        <input value={key} disabled={!!item} placeholder="e.g. plan" maxLength={50} onChange={(e) => setKey(e.target.value)} />
      </label>
      <label className="form-field">
        <span>Label *</span>
        <input value={label} placeholder="e.g. Plan" maxLength={100} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label className="form-field">
        <span>Type</span>
        <select value={type} disabled={!!item} onChange={(e) => setType(e.target.value as AttributeDefinition['type'])}>
          {TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      {type === 'choice' && (
        <label className="form-field">
          <span>Options *</span>
          <input value={options} placeholder="free, pro, enterprise" onChange={(e) => setOptions(e.target.value)} />
        </label>
      )}
      <label className="form-field">
        <span>Required</span>
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
      </label>
      <FormFooter error={error} saving={saving} canSubmit={!!key.trim() && !!label.trim()} submitLabel={item ? 'Save changes' : 'Add'} onCancel={onCancel} />
    </form>
  );
}

function AttributeList() {
  const [items, setItems] = useState<AttributeDefinition[]>([]);
  const [editing, setEditing] = useState<{ item: AttributeDefinition | null } | null>(null);
  const toasts = useToasts();
  const reload = () => contactApi.attributes().then((r) => setItems(r.items), (err: unknown) => toasts.error(errorMessage(err)));
  useEffect(() => {
    void reload();
  }, []);
  const saved = async () => {
    setEditing(null);
    reloadContactSettings();
    await reload();
  };
  const remove = async (d: AttributeDefinition) => {
    if (!window.confirm(`Remove “${d.label}”? Its value is removed from every contact.`)) return;
    try {
      await contactApi.deleteAttribute(d.id);
      await saved();
    } catch (err) {
      toasts.error(errorMessage(err));
    }
  };
  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Contact attributes</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ item: null })}>
            Add attribute
          </button>
        )}
      </div>
      {editing && <AttributeForm key={editing.item?.id ?? 'new'} item={editing.item} onSaved={() => void saved()} onCancel={() => setEditing(null)} />}
      {items.length === 0 ? (
        <p className="board-empty">None yet. Agents fill them in on the customer panel and the contact page.</p>
      ) : (
        <table className="channel-table board-card" aria-label="Contact attributes">
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Key</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
              <th scope="col" aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.label}</th>
                <td className="channel-address">{d.key}</td>
                <td>{d.type === 'choice' ? `choice: ${d.options.join(', ')}` : d.type}</td>
                <td>{d.required ? 'yes' : 'no'}</td>
                <td>
                  <RowActions onChange={() => setEditing({ item: d })} onRemove={() => void remove(d)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function AttributesPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="attributes" testId="attributes-page" denied="Only admins can define contact attributes." onHelp={onHelp}>
      <AttributeList />
    </AdminPage>
  );
}
