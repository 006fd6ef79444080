// The small list above the reply box for canned responses and @mentions.
export interface Suggestion {
  key: string;
  label: string;
  detail?: string;
}

interface Props {
  items: Suggestion[];
  active: number;
  title: string;
  onPick(index: number): void;
  onHover(index: number): void;
}

export function Suggestions({ items, active, title, onPick, onHover }: Props) {
  if (items.length === 0) return null;
  return (
    <div className="suggestions" role="listbox" aria-label={title}>
      <div className="suggestions-title">{title}</div>
      {items.map((s, i) => (
        <div
          key={s.key}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'suggestion suggestion-active' : 'suggestion'}
          onMouseEnter={() => onHover(i)}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(i);
          }}
        >
          <span className="suggestion-label">{s.label}</span>
          {s.detail && <span className="suggestion-detail">{s.detail}</span>}
        </div>
      ))}
    </div>
  );
}
