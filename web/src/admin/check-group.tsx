// A set of checkboxes for "any of these" (channels, teams, priorities); none ticked means the
// condition is not used.
export interface Option {
  value: string;
  label: string;
}

interface Props {
  legend: string;
  options: readonly Option[];
  value: readonly string[];
  onChange(next: string[]): void;
}

export function CheckGroup({ legend, options, value, onChange }: Props) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      <div className="check-options">
        {options.map((o) => (
          <label key={o.value} className="check-option">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
