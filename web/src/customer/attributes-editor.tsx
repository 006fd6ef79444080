// Custom contact attributes, one row per definition with the input its type calls for (text,
// number, date, a choice's options); a value kept from before definitions shows read-only with a
// remove button. Each change saves the whole map, which the server checks against the definitions.
import { useEffect, useRef, useState } from 'react';
import type { AttributeDefinition, AttributeValue } from '../api/types.ts';
import './contact-fields.css';

interface Props {
  definitions: AttributeDefinition[];
  attributes: Record<string, AttributeValue>;
  onSave(next: Record<string, AttributeValue>): Promise<boolean>;
}

const show = (v: AttributeValue | undefined) => (v === null || v === undefined ? '' : String(v));

/** The value an input's text stands for, by the definition's type ('' unsets it). */
function parse(d: AttributeDefinition, raw: string): AttributeValue {
  if (raw.trim() === '') return null;
  if (d.type === 'number') return Number.isNaN(Number(raw)) ? raw : Number(raw);
  return raw;
}

function AttributeInput({ d, value, onChange }: { d: AttributeDefinition; value: AttributeValue | undefined; onChange(raw: string): void }) {
  const label = `Attribute ${d.label}`;
  if (d.type === 'choice') {
    return (
      <select aria-label={label} value={show(value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {d.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  const type = d.type === 'number' ? 'number' : d.type === 'date' ? 'date' : 'text';
  return (
    <input
      key={`${d.key}:${show(value)}`}
      type={type}
      defaultValue={show(value)}
      aria-label={label}
      onBlur={(e) => e.target.value !== show(value) && onChange(e.target.value)}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
    />
  );
}

export function AttributesEditor({ definitions, attributes, onSave }: Props) {
  const [saving, setSaving] = useState(false);
  // Changes made in quick succession build on each other and are saved one after the other, so
  // a second edit made while the first is on its way does not undo it.
  const latest = useRef(attributes);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    latest.current = attributes;
  }, [attributes]);
  const defined = new Set(definitions.map((d) => d.key));
  const legacy = Object.entries(attributes).filter(([k]) => !defined.has(k));
  const save = (next: Record<string, AttributeValue>) => {
    latest.current = next;
    setSaving(true);
    queue.current = queue.current.then(async () => {
      if (!(await onSave(next))) latest.current = attributes;
      setSaving(false);
    });
  };
  const set = (d: AttributeDefinition, raw: string) => save({ ...latest.current, [d.key]: parse(d, raw) });
  const remove = (key: string) => {
    const { [key]: _removed, ...rest } = latest.current;
    save(rest);
  };

  return (
    <div className="attributes" aria-busy={saving}>
      {definitions.length === 0 && legacy.length === 0 && <div className="dim small">No custom attributes defined (an admin adds them under Admin → Contact attributes).</div>}
      <dl className="attr-list">
        {definitions.map((d) => (
          <div className="attr-row" key={d.key} data-attribute={d.key}>
            <dt title={d.key}>
              {d.label}
              {d.required && <span aria-label="required"> *</span>}
            </dt>
            <dd>
              <AttributeInput d={d} value={attributes[d.key]} onChange={(raw) => set(d, raw)} />
            </dd>
          </div>
        ))}
        {legacy.map(([key, value]) => (
          <div className="attr-row" key={key} title="Not a defined attribute: kept as it came">
            <dt className="dim">{key}</dt>
            <dd>
              <span className="attr-legacy">{show(value)}</span>
              <button type="button" className="icon-button" aria-label={`Remove attribute ${key}`} onClick={() => remove(key)}>
                ×
              </button>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
