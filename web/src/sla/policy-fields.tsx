// Parts of the SLA policy form: the targets per priority and metric, the warning lead times, and
// what happens when a target is missed.
import { DurationInput } from '../admin/duration-input.tsx';
import { FieldError, invalidProps, type Problems } from '../admin/field-problems.tsx';
import { PRIORITIES } from '../api/types.ts';
import { METRICS, metricLabels, type PolicyDraft } from './policy-draft.ts';

export function TargetsTable({ targets, problems, onChange }: { targets: PolicyDraft['targets']; problems: Problems; onChange(t: PolicyDraft['targets']): void }) {
  return (
    <div className="table-scroll">
      <table className="channel-table targets-table" aria-label="Targets">
        <caption className="editor-caption">Targets in business time (blank: no promise). A priority without targets uses the nearest one that has them.</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            {METRICS.map((m) => (
              <th key={m} scope="col">
                {metricLabels[m]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((prio) => (
            <tr key={prio}>
              <th scope="row">{prio}</th>
              {METRICS.map((m) => (
                <td key={m}>
                  <DurationInput
                    id={`target-${prio}-${m}`}
                    label={`${prio} ${metricLabels[m].toLowerCase()}`}
                    value={targets[prio][m]}
                    defaultUnit="h"
                    invalid={invalidProps(problems, `targets.${prio}.${m}`)}
                    onChange={(s) => onChange({ ...targets, [prio]: { ...targets[prio], [m]: s } })}
                  />
                  <FieldError problems={problems} path={`targets.${prio}.${m}`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <FieldError problems={problems} path="targets" />
    </div>
  );
}

export function WarningsEditor({ value, problems, onChange }: { value: PolicyDraft['warnBeforeSeconds']; problems: Problems; onChange(v: PolicyDraft['warnBeforeSeconds']): void }) {
  return (
    <fieldset className="check-group">
      <legend>Warn before a target is due</legend>
      {value.map((s, i) => (
        <div key={i} className="skill-row">
          <DurationInput id={`warn-${i}`} label={`Warning ${i + 1}`} value={s} defaultUnit="min" invalid={invalidProps(problems, `warnBeforeSeconds.${i}`)} onChange={(next) => onChange(value.map((x, j) => (j === i ? next : x)))} />
          <span className="dim">before</span>
          <button type="button" className="button-quiet" aria-label={`Remove warning ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            Remove
          </button>
          <FieldError problems={problems} path={`warnBeforeSeconds.${i}`} />
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...value, 600])}>
        Add warning
      </button>
    </fieldset>
  );
}

const escalations: { key: keyof PolicyDraft['escalation']; label: string }[] = [
  { key: 'notifyTeamLead', label: 'Notify the team lead (or supervisors when the team has none)' },
  { key: 'raisePriority', label: 'Raise the priority one step' },
  { key: 'reassign', label: 'Send it back to routing for someone else' },
];

export function EscalationChecks({ value, onChange }: { value: PolicyDraft['escalation']; onChange(v: PolicyDraft['escalation']): void }) {
  return (
    <fieldset className="check-group">
      <legend>When a target is missed</legend>
      <div className="check-options check-options-column">
        {escalations.map((e) => (
          <label key={e.key} className="check-option">
            <input type="checkbox" checked={value[e.key]} onChange={(ev) => onChange({ ...value, [e.key]: ev.target.checked })} />
            {e.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
