// A list of words in one text box, separated by commas (tags, keywords, languages, tiers): the box
// keeps what the admin typed; the list it stands for is trimmed and without empty entries.
import { useState } from 'react';

interface Props {
  id: string;
  value: readonly string[];
  onChange(next: string[]): void;
  placeholder?: string;
  /** When no <label> names the box. */
  ariaLabel?: string;
  invalid?: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function ListInput({ id, value, onChange, placeholder, ariaLabel, invalid }: Props) {
  const [text, setText] = useState(value.join(', '));
  return (
    <input
      id={id}
      value={text}
      placeholder={placeholder}
      aria-label={ariaLabel}
      autoComplete="off"
      {...invalid}
      onChange={(e) => {
        setText(e.target.value);
        onChange(splitList(e.target.value));
      }}
    />
  );
}
