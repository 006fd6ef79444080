// A length of time in seconds, typed as a number of minutes, hours or days. Shows the largest unit
// the stored value divides into evenly; empty means "not set" (null).
import { useState } from 'react';

const units = [
  { key: 'min', label: 'minutes', seconds: 60 },
  { key: 'h', label: 'hours', seconds: 3600 },
  { key: 'd', label: 'days', seconds: 86_400 },
] as const;
type Unit = (typeof units)[number]['key'];

function initialUnit(seconds: number | null, fallback: Unit): Unit {
  if (!seconds) return fallback;
  return [...units].reverse().find((u) => seconds % u.seconds === 0)?.key ?? 'min';
}

const perUnit = (unit: Unit) => units.find((u) => u.key === unit)!.seconds;

interface Props {
  id: string;
  label: string;
  value: number | null;
  onChange(seconds: number | null): void;
  defaultUnit?: Unit;
  invalid?: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

export function DurationInput({ id, label, value, onChange, defaultUnit = 'min', invalid }: Props) {
  const [unit, setUnit] = useState<Unit>(initialUnit(value, defaultUnit));
  const [text, setText] = useState(value === null ? '' : String(value / perUnit(unit)));
  const emit = (t: string, u: Unit) => {
    const n = Number(t);
    onChange(t.trim() === '' || !Number.isFinite(n) ? null : Math.round(n * perUnit(u)));
  };
  return (
    <span className="duration">
      <input
        id={id}
        aria-label={label}
        type="number"
        min={0}
        step="any"
        value={text}
        {...invalid}
        onChange={(e) => {
          setText(e.target.value);
          emit(e.target.value, unit);
        }}
      />
      <select
        aria-label={`${label} unit`}
        value={unit}
        onChange={(e) => {
          const u = e.target.value as Unit;
          setUnit(u);
          emit(text, u);
        }}
      >
        {units.map((u) => (
          <option key={u.key} value={u.key}>
            {u.label}
          </option>
        ))}
      </select>
    </span>
  );
}
