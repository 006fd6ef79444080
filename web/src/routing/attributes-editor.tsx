// Channel facts a filter can match (the voice menu choice "menu", the chat pre-chat "topic" ...):
// rows of a fact's name and the values that match it.
import { useState } from 'react';
import { ListInput } from '../admin/list-input.tsx';

type Attributes = Record<string, string[]>;

interface Row {
  key: number;
  name: string;
  values: string[];
}

let nextKey = 1;

function toRows(value: Attributes): Row[] {
  return Object.entries(value).map(([name, values]) => ({ key: nextKey++, name, values }));
}

function toValue(rows: Row[]): Attributes {
  return Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.values]));
}

export function AttributesEditor({ uid, value, onChange }: { uid: number; value: Attributes; onChange(v: Attributes): void }) {
  // Rows live here so a row whose name is still empty does not vanish while being typed.
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const update = (next: Row[]) => {
    setRows(next);
    onChange(toValue(next));
  };
  return (
    <fieldset className="check-group">
      <legend>Channel facts</legend>
      {rows.map((r, i) => (
        <div key={r.key} className="skill-row" role="group" aria-label={`Fact ${i + 1}`}>
          <input aria-label="Fact" value={r.name} placeholder="e.g. topic" onChange={(e) => update(rows.map((x) => (x.key === r.key ? { ...x, name: e.target.value } : x)))} />
          <span className="dim">is any of</span>
          <ListInput id={`fact-${uid}-${r.key}`} ariaLabel="Values" value={r.values} placeholder="e.g. billing, refunds" onChange={(v) => update(rows.map((x) => (x.key === r.key ? { ...x, values: v } : x)))} />
          <button type="button" className="button-quiet" onClick={() => update(rows.filter((x) => x.key !== r.key))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => setRows([...rows, { key: nextKey++, name: '', values: [] }])}>
        Add fact
      </button>
    </fieldset>
  );
}
