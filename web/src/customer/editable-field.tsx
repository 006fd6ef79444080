// A label and a value that turns into an input on click; Enter or blur saves, Esc cancels.
import { useState } from 'react';

interface Props {
  label: string;
  value: string | null;
  placeholder: string;
  suggestions?: string[];
  onSave(value: string | null): void;
}

export function EditableField({ label, value, placeholder, suggestions, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const listId = suggestions ? `suggest-${label.replace(/\W/g, '')}` : undefined;
  if (!editing) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <button type="button" className={value ? 'field-value' : 'field-value dim'} onClick={() => setEditing(true)} title={`Edit ${label.toLowerCase()}`}>
          {value || placeholder}
        </button>
      </div>
    );
  }
  const commit = (raw: string) => {
    setEditing(false);
    const next = raw.trim() || null;
    if (next !== value) onSave(next);
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={`f-${label}`}>
        {label}
      </label>
      <input
        id={`f-${label}`}
        className="field-input"
        autoFocus
        defaultValue={value ?? ''}
        list={listId}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
          if (e.key === 'Escape') {
            e.stopPropagation();
            setEditing(false);
          }
        }}
      />
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}
