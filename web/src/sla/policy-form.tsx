// Adding or changing an SLA policy: which conversations it covers, its targets per priority, the
// calendar they count in, warnings and escalation. While the admin edits, the server says how many
// open conversations would get new due times; the save applies exactly that.
import { useState, type FormEvent } from 'react';
import { FormFooter } from '../admin/admin-ui.tsx';
import { CheckGroup } from '../admin/check-group.tsx';
import { FieldError, invalidProps, noProblems, problemsOf, useFocusFirstProblem, type Problems } from '../admin/field-problems.tsx';
import { ListInput } from '../admin/list-input.tsx';
import { errorMessage } from '../api/client.ts';
import { routingApi } from '../api/routing-endpoints.ts';
import type { BusinessCalendar, SlaPolicy } from '../api/types.ts';
import { channelKinds } from '../channels/channel-kinds.ts';
import { useSession } from '../state/session.tsx';
import { ImpactNote } from './impact-note.tsx';
import { EscalationChecks, TargetsTable, WarningsEditor } from './policy-fields.tsx';
import { toPolicyBody, toPolicyDraft, type PolicyDraft } from './policy-draft.ts';
import { useImpact } from './use-impact.ts';

interface Props {
  policy: SlaPolicy | null;
  nextPosition: number;
  calendars: BusinessCalendar[];
  onSaved(p: SlaPolicy): void;
  onCancel(): void;
}

function Conditions({ value, onChange }: { value: PolicyDraft['conditions']; onChange(v: PolicyDraft['conditions']): void }) {
  const { teams } = useSession();
  return (
    <>
      <CheckGroup legend="Channel" options={channelKinds().map((k) => ({ value: k.kind, label: k.label }))} value={value.channel} onChange={(channel) => onChange({ ...value, channel })} />
      {teams.length > 0 && <CheckGroup legend="Team" options={teams.map((t) => ({ value: t.id, label: t.name }))} value={value.teamId} onChange={(teamId) => onChange({ ...value, teamId })} />}
      <label className="editor-field" htmlFor="policy-tier">
        <span>Customer tier</span>
        <ListInput id="policy-tier" value={value.contactTier} placeholder="e.g. gold, platinum" onChange={(contactTier) => onChange({ ...value, contactTier })} />
      </label>
      <label className="editor-field" htmlFor="policy-tags">
        <span>Conversation tags</span>
        <ListInput id="policy-tags" value={value.tags} placeholder="e.g. complaint" onChange={(tags) => onChange({ ...value, tags })} />
      </label>
    </>
  );
}

export function PolicyForm({ policy, nextPosition, calendars, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState(() => toPolicyDraft(policy, nextPosition));
  const [problems, setProblems] = useState<Problems>(noProblems);
  useFocusFirstProblem(problems);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const body = toPolicyBody(draft);
  const impact = useImpact((signal) => routingApi.previewPolicy(policy?.id ?? null, body, signal), JSON.stringify(body));
  const set = <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(await routingApi.savePolicy(policy?.id ?? null, body));
    } catch (err) {
      setProblems(problemsOf(err));
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="board-card editor-form" aria-label={policy ? `Change ${policy.name}` : 'Add an SLA policy'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{policy ? `Change ${policy.name}` : 'Add an SLA policy'}</h2>
      <div className="editor-grid">
        <label className="editor-field" htmlFor="policy-name">
          <span>Name *</span>
          <input id="policy-name" value={draft.name} maxLength={80} placeholder="e.g. Standard email" {...invalidProps(problems, 'name')} onChange={(e) => set('name', e.target.value)} />
          <FieldError problems={problems} path="name" />
        </label>
        <label className="editor-field" htmlFor="policy-position">
          <span>Order (lower is tried first)</span>
          <input id="policy-position" type="number" value={draft.position} {...invalidProps(problems, 'position')} onChange={(e) => set('position', Number(e.target.value))} />
          <FieldError problems={problems} path="position" />
        </label>
        <label className="editor-field" htmlFor="policy-calendar">
          <span>Counts in</span>
          <select id="policy-calendar" value={draft.calendarId ?? ''} {...invalidProps(problems, 'calendarId')} onChange={(e) => set('calendarId', e.target.value || null)}>
            <option value="">Every hour (24/7)</option>
            {calendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.timeZone})
              </option>
            ))}
          </select>
          <FieldError problems={problems} path="calendarId" />
        </label>
        <label className="editor-check">
          <input type="checkbox" checked={draft.active} onChange={(e) => set('active', e.target.checked)} /> Active
        </label>
      </div>
      <h3 className="editor-subhead">Applies to (empty: every conversation)</h3>
      <Conditions value={draft.conditions} onChange={(c) => set('conditions', c)} />
      <FieldError problems={problems} path="conditions" under />
      <h3 className="editor-subhead">Targets</h3>
      <TargetsTable targets={draft.targets} problems={problems} onChange={(t) => set('targets', t)} />
      <WarningsEditor value={draft.warnBeforeSeconds} problems={problems} onChange={(w) => set('warnBeforeSeconds', w)} />
      <EscalationChecks value={draft.escalation} onChange={(v) => set('escalation', v)} />
      <ImpactNote impact={impact} />
      <FormFooter error={error} saving={saving} canSubmit={!!draft.name.trim()} submitLabel={policy ? 'Save policy' : 'Add policy'} onCancel={onCancel} />
    </form>
  );
}
