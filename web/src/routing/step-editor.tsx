// One routing step: the queue it waits in, who may take it (skills with a minimum level, only the
// customer's last agent, only a team), how long before the next step applies, and whether to skip
// it when nobody who qualifies is online.
import { DurationInput } from '../admin/duration-input.tsx';
import { FieldError, invalidProps } from '../admin/field-problems.tsx';
import { removeItem, replaceItem, type DraftStep } from './workflow-draft.ts';
import { useEditorOptions } from './editor-options.ts';

interface Props {
  step: DraftStep;
  /** "filters.0.steps.1": where the server's problems for this step are. */
  path: string;
  label: string;
  onChange(step: DraftStep): void;
}

function SkillRows({ step, path, onChange }: Omit<Props, 'label'>) {
  const { skills, problems } = useEditorOptions();
  const rows = step.requirement.skills;
  const set = (next: typeof rows) => onChange({ ...step, requirement: { ...step.requirement, skills: next } });
  const listId = `skills-${step.uid}`;
  return (
    <div className="skill-rows">
      <datalist id={listId}>
        {skills.map((s) => (
          <option key={s.id} value={s.name}>{`${s.agentCount} agent${s.agentCount === 1 ? '' : 's'}`}</option>
        ))}
      </datalist>
      {rows.map((r, k) => (
        <div className="skill-row" key={k} role="group" aria-label={`Skill ${k + 1}`}>
          <input aria-label="Skill" list={listId} value={r.skill} placeholder="skill, e.g. billing" {...invalidProps(problems, `${path}.requirement.skills.${k}.skill`)} onChange={(e) => set(replaceItem(rows, k, { ...r, skill: e.target.value }))} />
          <label className="inline-label">
            at least
            <input aria-label="Minimum level" type="number" min={1} max={10} value={r.minLevel} onChange={(e) => set(replaceItem(rows, k, { ...r, minLevel: Number(e.target.value) }))} />
          </label>
          <button type="button" className="button-quiet" aria-label={`Remove skill ${k + 1}`} onClick={() => set(removeItem(rows, k))}>
            Remove
          </button>
          <FieldError problems={problems} path={`${path}.requirement.skills.${k}`} under />
        </div>
      ))}
      <button type="button" className="button" onClick={() => set([...rows, { skill: '', minLevel: 1 }])}>
        Add skill
      </button>
    </div>
  );
}

export function StepEditor({ step, path, label, onChange }: Props) {
  const { queues, teams, problems } = useEditorOptions();
  const id = `step-${step.uid}`;
  const requirement = step.requirement;
  return (
    <div className="editor-grid">
      <label className="editor-field" htmlFor={`${id}-queue`}>
        <span>Queue</span>
        <select id={`${id}-queue`} value={step.queue} {...invalidProps(problems, `${path}.queue`)} onChange={(e) => onChange({ ...step, queue: e.target.value })}>
          {!queues.some((q) => q.name === step.queue) && <option value={step.queue}>{step.queue || 'Choose a queue'}</option>}
          {queues.map((q) => (
            <option key={q.id} value={q.name}>
              {q.name}
            </option>
          ))}
        </select>
        <FieldError problems={problems} path={`${path}.queue`} />
      </label>
      <div className="editor-field">
        <span>Skills needed</span>
        <SkillRows step={step} path={path} onChange={onChange} />
      </div>
      <label className="editor-field" htmlFor={`${id}-team`}>
        <span>Only agents of</span>
        <select id={`${id}-team`} value={requirement.teamId ?? ''} {...invalidProps(problems, `${path}.requirement.teamId`)} onChange={(e) => onChange({ ...step, requirement: { ...requirement, teamId: e.target.value || undefined } })}>
          <option value="">any team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <FieldError problems={problems} path={`${path}.requirement.teamId`} />
      </label>
      <div className="editor-field">
        <span>Next step after</span>
        <DurationInput id={`${id}-timeout`} label={`${label} timeout`} value={step.timeoutSeconds} defaultUnit="min" invalid={invalidProps(problems, `${path}.timeoutSeconds`)} onChange={(s) => onChange({ ...step, timeoutSeconds: s ?? 0 })} />
        <FieldError problems={problems} path={`${path}.timeoutSeconds`} />
      </div>
      <label className="editor-check">
        <input type="checkbox" checked={requirement.lastAgent} onChange={(e) => onChange({ ...step, requirement: { ...requirement, lastAgent: e.target.checked } })} />
        Only the agent who last helped this customer
      </label>
      <label className="editor-check">
        <input type="checkbox" checked={step.skipIfNobodyAvailable} onChange={(e) => onChange({ ...step, skipIfNobodyAvailable: e.target.checked })} />
        Skip this step when nobody who qualifies is online
      </label>
    </div>
  );
}
