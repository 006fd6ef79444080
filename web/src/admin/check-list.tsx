// A set of checkboxes (teams for a person, people for a team) that wraps to the width it has.
export function CheckList<T extends { id: string }>(p: { legend: string; items: T[]; label(item: T): string; checked: string[]; onChange(ids: string[]): void; empty: string }) {
  const toggle = (id: string, on: boolean) => p.onChange(on ? [...p.checked, id] : p.checked.filter((x) => x !== id));
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      {p.items.length === 0 ? (
        <span className="field-hint">{p.empty}</span>
      ) : (
        <div className="check-grid">
          {p.items.map((item) => (
            <label key={item.id}>
              <input type="checkbox" checked={p.checked.includes(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} /> {p.label(item)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
