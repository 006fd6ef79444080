// Adding or changing a conversation status: its label and category, what SLA clocks do while a
// conversation is in it, and an automatic move after a while (e.g. pending a week -> resolved).
// Changing the clock rule of a status in use shows how many open conversations it affects.
import { useState, type FormEvent } from 'react';
import { FormFooter } from '../admin/admin-ui.tsx';
import { DurationInput } from '../admin/duration-input.tsx';
import { FieldError, invalidProps, noProblems, problemsOf, useFocusFirstProblem, type Problems } from '../admin/field-problems.tsx';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import { STATUSES, type StatusDefinition } from '../api/types.ts';
import { ImpactNote } from './impact-note.tsx';
import { useImpact } from './use-impact.ts';

const clocks: { value: StatusDefinition['slaClock']; label: string }[] = [
  { value: 'run', label: 'SLA clocks run (we owe an answer)' },
  { value: 'pause', label: 'SLA clocks pause (waiting on the customer)' },
  { value: 'stop', label: 'SLA clocks stop (done)' },
];

const clockVerb = { run: 'resumes', pause: 'pauses', stop: 'stops' } as const;

interface Props {
  status: StatusDefinition | null;
  statuses: StatusDefinition[];
  onSaved(s: StatusDefinition): void;
  onCancel(): void;
}

export function StatusForm({ status, statuses, onSaved, onCancel }: Props) {
  const [key, setKey] = useState(status?.key ?? '');
  const [label, setLabel] = useState(status?.label ?? '');
  const [category, setCategory] = useState<StatusDefinition['category']>(status?.category ?? 'pending');
  const [slaClock, setSlaClock] = useState<StatusDefinition['slaClock']>(status?.slaClock ?? 'pause');
  const [autoAfter, setAutoAfter] = useState<number | null>(status?.autoAfterSeconds ?? null);
  const [autoTo, setAutoTo] = useState<string>(status?.autoToKey ?? '');
  const [problems, setProblems] = useState<Problems>(noProblems);
  useFocusFirstProblem(problems);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fields = { label, category, slaClock, autoAfterSeconds: autoTo ? autoAfter : null, autoToKey: autoTo || null };
  const clockChanges = status !== null && slaClock !== status.slaClock;
  const impact = useImpact(clockChanges ? (signal) => routingApi.previewStatus(status.key, { slaClock }, signal) : null, `${slaClock}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(status ? await routingApi.updateStatus(status.key, fields) : await routingApi.createStatus({ key, ...fields }));
    } catch (err) {
      setProblems(problemsOf(err));
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="board-card editor-form" aria-label={status ? `Change ${status.label}` : 'Add a status'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{status ? `Change ${status.label}` : 'Add a status'}</h2>
      <div className="editor-grid">
        {!status && (
          <label className="editor-field" htmlFor="status-key">
            <span>Key *</span>
            <input id="status-key" value={key} placeholder="e.g. waiting-on-vendor" {...invalidProps(problems, 'key')} onChange={(e) => setKey(e.target.value)} />
            <FieldError problems={problems} path="key" />
          </label>
        )}
        <label className="editor-field" htmlFor="status-label">
          <span>Label *</span>
          <input id="status-label" value={label} maxLength={60} placeholder="e.g. Waiting on vendor" {...invalidProps(problems, 'label')} onChange={(e) => setLabel(e.target.value)} />
          <FieldError problems={problems} path="label" />
        </label>
        <label className="editor-field" htmlFor="status-category">
          <span>Category</span>
          <select id="status-category" value={category} {...invalidProps(problems, 'category')} onChange={(e) => setCategory(e.target.value as StatusDefinition['category'])}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <FieldError problems={problems} path="category" />
        </label>
      </div>
      <fieldset className="check-group">
        <legend>While a conversation is in this status</legend>
        <div className="check-options check-options-column">
          {clocks.map((c) => (
            <label key={c.value} className="check-option">
              <input type="radio" name="status-clock" checked={slaClock === c.value} onChange={() => setSlaClock(c.value)} /> {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="editor-grid">
        <label className="editor-field" htmlFor="status-auto-to">
          <span>Moves by itself to</span>
          <select id="status-auto-to" value={autoTo} {...invalidProps(problems, 'autoToKey')} onChange={(e) => setAutoTo(e.target.value)}>
            <option value="">never</option>
            {statuses
              .filter((s) => s.key !== status?.key)
              .map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
          </select>
          <FieldError problems={problems} path="autoToKey" />
        </label>
        {autoTo && (
          <div className="editor-field">
            <span>after</span>
            <DurationInput id="status-auto-after" label="Moves after" value={autoAfter} defaultUnit="d" invalid={invalidProps(problems, 'autoAfterSeconds')} onChange={setAutoAfter} />
            <FieldError problems={problems} path="autoAfterSeconds" />
          </div>
        )}
      </div>
      <ImpactNote impact={impact} describe={(n) => `Saving ${clockVerb[slaClock]} the SLA clocks of ${n} open conversation${n === 1 ? '' : 's'} in this status.`} none="No open conversation in this status has a running SLA clock." />
      <FormFooter error={error} saving={saving} canSubmit={!!label.trim() && (status !== null || !!key)} submitLabel={status ? 'Save status' : 'Add status'} onCancel={onCancel} />
    </form>
  );
}
