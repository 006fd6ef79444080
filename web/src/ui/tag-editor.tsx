// Tags as removable chips with an input to add more (Enter or comma); used for conversations and contacts.
import { useState } from 'react';

interface Props {
  tags: string[];
  label: string;
  onChange(tags: string[]): void;
}

export function TagEditor({ tags, label, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const t = draft.trim().replace(/,$/, '').trim();
    setDraft('');
    if (t && !tags.includes(t)) onChange([...tags, t]);
  };
  return (
    <div className="tags" aria-label={label}>
      {tags.map((t) => (
        <span key={t} className="tag">
          {t}
          <button type="button" className="tag-remove" aria-label={`Remove tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
            ×
          </button>
        </span>
      ))}
      <input
        className="tag-input"
        value={draft}
        placeholder="Add tag"
        aria-label={`Add ${label.toLowerCase()}`}
        maxLength={50}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          } else if (e.key === 'Escape') {
            setDraft('');
            e.currentTarget.blur();
          } else if (e.key === 'Backspace' && !draft && tags.length) {
            onChange(tags.slice(0, -1));
          }
        }}
      />
    </div>
  );
}
