// Custom contact attributes as key/value rows: edit values in place, add and remove keys.
import { useState } from 'react';
import type { AttributeValue } from '../api/types.ts';

interface Props {
  attributes: Record<string, AttributeValue>;
  onSave(next: Record<string, AttributeValue>): Promise<boolean>;
}

const show = (v: AttributeValue) => (v === null ? '' : String(v));

/** Keeps numbers and booleans typed when the value still reads as one. */
function parseValue(raw: string, previous: AttributeValue | undefined): AttributeValue {
  if (raw === '') return null;
  if (typeof previous === 'number' && raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
  if (typeof previous === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

export function AttributesEditor({ attributes, onSave }: Props) {
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const entries = Object.entries(attributes);

  const saveValue = (key: string, raw: string) => {
    const value = parseValue(raw, attributes[key]);
    if (value !== attributes[key]) void onSave({ ...attributes, [key]: value });
  };
  const remove = (key: string) => {
    const { [key]: _removed, ...rest } = attributes;
    void onSave(rest);
  };

  return (
    <div className="attributes">
      {entries.length === 0 && <div className="dim small">No custom attributes yet.</div>}
      <dl className="attr-list">
        {entries.map(([key, value]) => (
          <div className="attr-row" key={key}>
            <dt title={key}>{key}</dt>
            <dd>
              <input
                key={`${key}:${show(value)}`}
                defaultValue={show(value)}
                aria-label={`Attribute ${key}`}
                onBlur={(e) => saveValue(key, e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              />
              <button type="button" className="icon-button" aria-label={`Remove attribute ${key}`} onClick={() => remove(key)}>
                ×
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <form
        className="attr-add"
        onSubmit={(e) => {
          e.preventDefault();
          const key = newKey.trim();
          if (!key) return;
          void onSave({ ...attributes, [key]: newValue === '' ? null : newValue }).then((ok) => {
            if (!ok) return;
            setNewKey('');
            setNewValue('');
          });
        }}
      >
        <input placeholder="Attribute" aria-label="New attribute name" value={newKey} maxLength={100} onChange={(e) => setNewKey(e.target.value)} />
        <input placeholder="Value" aria-label="New attribute value" value={newValue} onChange={(e) => setNewValue(e.target.value)} />
        <button type="submit" className="button" disabled={!newKey.trim()}>
          Add
        </button>
      </form>
    </div>
  );
}
