// The side-by-side view of two contacts before a merge: every field, attribute and the tags of
// both, and where both have different values a choice of which one the surviving contact keeps.
import type { MergeBody, MergePreview } from '../api/types.ts';
import { contactLabel } from '../ui/format.ts';

type Side = 'survivor' | 'merged';
export type MergeChoices = NonNullable<MergeBody['choices']>;
type Row = MergePreview['comparison']['fields'][number];

const LABELS: Record<string, string> = { name: 'Name', email: 'Email', phone: 'Phone', tier: 'Tier', lifecycleStage: 'Lifecycle stage' };
/** A column added later (organisationId ...) gets a readable label without a change here. */
export const fieldLabel = (key: string) => LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Conflicts the agent still has to choose. */
export function missingChoices(preview: MergePreview, choices: MergeChoices): string[] {
  const open = (rows: Row[], chosen: Record<string, Side> | undefined, prefix: string) => rows.filter((r) => r.conflict && !chosen?.[r.key]).map((r) => `${prefix}${fieldLabel(r.key)}`);
  return [...open(preview.comparison.fields, choices.fields, ''), ...open(preview.comparison.attributes, choices.attributes, 'attribute ')];
}

function ChoiceCell({ row, side, group, chosen, onChoose }: { row: Row; side: Side; group: string; chosen: Side | undefined; onChoose(side: Side): void }) {
  const value = shown(row[side]);
  const column = side === 'survivor' ? 'Keeps' : 'Merged';
  if (!row.conflict)
    return (
      <td data-label={column} className={row[side] === null ? 'dim' : undefined}>
        {value}
      </td>
    );
  return (
    <td data-label={column}>
      <label className="merge-choice">
        <input type="radio" name={`${group}-${row.key}`} aria-label={`Keep ${fieldLabel(row.key)} ${value}`} checked={chosen === side} onChange={() => onChoose(side)} />
        <span>{value}</span>
      </label>
    </td>
  );
}

function Rows({ rows, group, prefix, chosen, onChoose }: { rows: Row[]; group: 'fields' | 'attributes'; prefix: string; chosen: Record<string, Side> | undefined; onChoose(key: string, side: Side): void }) {
  return (
    <>
      {rows.map((row) => (
        <tr key={`${group}-${row.key}`} className={row.conflict ? 'merge-conflict' : undefined}>
          <th scope="row">
            {prefix}
            {fieldLabel(row.key)}
            {row.conflict && <span className="badge-warn"> choose</span>}
          </th>
          <ChoiceCell row={row} side="survivor" group={group} chosen={chosen?.[row.key]} onChoose={(s) => onChoose(row.key, s)} />
          <ChoiceCell row={row} side="merged" group={group} chosen={chosen?.[row.key]} onChoose={(s) => onChoose(row.key, s)} />
        </tr>
      ))}
    </>
  );
}

export function MergeChooser({ preview, choices, onChange }: { preview: MergePreview; choices: MergeChoices; onChange(c: MergeChoices): void }) {
  const { comparison: cmp } = preview;
  const choose = (group: 'fields' | 'attributes') => (key: string, side: Side) => onChange({ ...choices, [group]: { ...choices[group], [key]: side } });
  const tags = choices.tags ?? 'union';
  const tagOption = (value: 'union' | Side, label: string) => (
    <label className="merge-choice">
      <input type="radio" name="tags" checked={tags === value} onChange={() => onChange({ ...choices, tags: value })} />
      <span>{label}</span>
    </label>
  );
  return (
    <table className="merge-table" aria-label="Choose the values to keep">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Keeps: {contactLabel(preview.survivor)}</th>
          <th scope="col">Merged: {contactLabel(preview.merged)}</th>
        </tr>
      </thead>
      <tbody>
        <Rows rows={cmp.fields} group="fields" prefix="" chosen={choices.fields} onChoose={choose('fields')} />
        <tr>
          <th scope="row">Tags</th>
          <td data-label="Keeps">{cmp.tags.survivor.join(', ') || '—'}</td>
          <td data-label="Merged">{cmp.tags.merged.join(', ') || '—'}</td>
        </tr>
        <tr>
          <td className="merge-tag-spacer" />
          <td colSpan={2} className="merge-tag-options">
            {tagOption('union', `Both (${cmp.tags.union.join(', ') || 'none'})`)}
            {tagOption('survivor', 'Left only')}
            {tagOption('merged', 'Right only')}
          </td>
        </tr>
        <Rows rows={cmp.attributes} group="attributes" prefix="Attribute: " chosen={choices.attributes} onChoose={choose('attributes')} />
      </tbody>
    </table>
  );
}
