// One filter of the workflow (or the fallback, which has no conditions): its name, when it applies,
// and its steps in order, each movable up and down.
import { FieldError, invalidProps } from '../admin/field-problems.tsx';
import type { WorkflowConditions } from '../api/types.ts';
import { ConditionsEditor } from './conditions-editor.tsx';
import { useEditorOptions } from './editor-options.ts';
import { StepEditor } from './step-editor.tsx';
import { moveItem, newStep, removeItem, replaceItem, type DraftStep } from './workflow-draft.ts';

export interface CardValue {
  uid: number;
  name: string;
  when?: WorkflowConditions;
  steps: DraftStep[];
}

interface Props<T extends CardValue> {
  value: T;
  /** "filters.2" or "fallback". */
  path: string;
  title: string;
  onChange(next: T): void;
  /** Absent for the fallback, which stays last and cannot go. */
  actions?: { onUp?(): void; onDown?(): void; onRemove(): void };
}

function OrderButtons({ what, onUp, onDown, onRemove }: { what: string; onUp?(): void; onDown?(): void; onRemove(): void }) {
  return (
    <div className="order-buttons">
      <button type="button" className="button-quiet" disabled={!onUp} aria-label={`Move ${what} up`} onClick={onUp}>
        ↑
      </button>
      <button type="button" className="button-quiet" disabled={!onDown} aria-label={`Move ${what} down`} onClick={onDown}>
        ↓
      </button>
      <button type="button" className="button-quiet" aria-label={`Remove ${what}`} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}

export function FilterCard<T extends CardValue>({ value, path, title, onChange, actions }: Props<T>) {
  const { queues, problems } = useEditorOptions();
  const steps = value.steps;
  const setSteps = (next: DraftStep[]) => onChange({ ...value, steps: next });
  return (
    <section className="board-card editor-card" role="group" aria-label={title}>
      <div className="editor-card-head">
        <h2 className="board-card-title">{title}</h2>
        {actions && <OrderButtons what={title.toLowerCase()} {...actions} />}
      </div>
      <label className="editor-field" htmlFor={`filter-${value.uid}-name`}>
        <span>Name</span>
        <input id={`filter-${value.uid}-name`} value={value.name} placeholder="e.g. Billing questions" {...invalidProps(problems, `${path}.name`)} onChange={(e) => onChange({ ...value, name: e.target.value })} />
        <FieldError problems={problems} path={`${path}.name`} />
      </label>
      {value.when && (
        <>
          <h3 className="editor-subhead">Applies when</h3>
          <ConditionsEditor uid={value.uid} when={value.when} path={`${path}.when`} onChange={(when) => onChange({ ...value, when })} />
        </>
      )}
      <h3 className="editor-subhead">Steps, tried in order</h3>
      <FieldError problems={problems} path={`${path}.steps`} />
      <ol className="step-list">
        {steps.map((s, j) => (
          <li key={s.uid} className="step-item" role="group" aria-label={`Step ${j + 1}`}>
            <div className="editor-card-head">
              <span className="step-title">Step {j + 1}</span>
              <OrderButtons
                what={`step ${j + 1}`}
                onUp={j > 0 ? () => setSteps(moveItem(steps, j, -1)) : undefined}
                onDown={j < steps.length - 1 ? () => setSteps(moveItem(steps, j, 1)) : undefined}
                onRemove={() => setSteps(removeItem(steps, j))}
              />
            </div>
            <StepEditor step={s} path={`${path}.steps.${j}`} label={`Step ${j + 1}`} onChange={(next) => setSteps(replaceItem(steps, j, next))} />
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => setSteps([...steps, newStep(queues[0]?.name ?? '')])}>
        Add step
      </button>
    </section>
  );
}
