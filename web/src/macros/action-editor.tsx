// One macro action in the settings form: its kind and that kind's fields (a reply's text with
// placeholders, tags, an agent and/or team, a status, a priority).
import { PRIORITIES, type MacroAction, type Priority, type StatusDefinition } from '../api/types.ts';
import { macroActionLabel } from '../conversation/macro-outcome.ts';
import { useSession } from '../state/session.tsx';

/** The form's state of an action: every kind's fields, so switching kind keeps what was typed. */
export interface ActionDraft {
  type: MacroAction['type'];
  text: string;
  tags: string;
  assigneeId: string;
  teamId: string;
  statusKey: string;
  priority: Priority;
}

export const blankAction = (): ActionDraft => ({ type: 'reply', text: '', tags: '', assigneeId: '', teamId: '', statusKey: 'resolved', priority: 'high' });

export function draftOf(a: MacroAction): ActionDraft {
  const d = blankAction();
  switch (a.type) {
    case 'reply':
      return { ...d, type: a.type, text: a.text };
    case 'addTags':
    case 'removeTags':
      return { ...d, type: a.type, tags: a.tags.join(', ') };
    case 'assign':
      return { ...d, type: a.type, assigneeId: a.assigneeId ?? '', teamId: a.teamId ?? '' };
    case 'setStatus':
      return { ...d, type: a.type, statusKey: a.statusKey };
    case 'setPriority':
      return { ...d, type: a.type, priority: a.priority };
  }
}

/** What the API is sent; the server checks it (and names the field at fault). */
export function actionOf(d: ActionDraft): MacroAction {
  switch (d.type) {
    case 'reply':
      return { type: 'reply', text: d.text };
    case 'addTags':
    case 'removeTags':
      return { type: d.type, tags: d.tags.split(',').map((t) => t.trim()).filter(Boolean) };
    case 'assign':
      return { type: 'assign', ...(d.assigneeId ? { assigneeId: d.assigneeId } : {}), ...(d.teamId ? { teamId: d.teamId } : {}) };
    case 'setStatus':
      return { type: 'setStatus', statusKey: d.statusKey };
    case 'setPriority':
      return { type: 'setPriority', priority: d.priority };
  }
}

interface Props {
  index: number;
  draft: ActionDraft;
  statuses: StatusDefinition[];
  onChange(d: ActionDraft): void;
  onRemove(): void;
  onUp?(): void;
}

function Fields({ index, draft: d, statuses, onChange }: Omit<Props, 'onRemove' | 'onUp'>) {
  const { agents, teams } = useSession();
  const id = `macro-action-${index}`;
  switch (d.type) {
    case 'reply':
      return <textarea id={id} aria-label={`Action ${index + 1} reply text`} rows={3} value={d.text} placeholder="Hi {{contact.name}}, …" onChange={(e) => onChange({ ...d, text: e.target.value })} />;
    case 'addTags':
    case 'removeTags':
      return <input id={id} aria-label={`Action ${index + 1} tags`} value={d.tags} placeholder="refund, billing" onChange={(e) => onChange({ ...d, tags: e.target.value })} />;
    case 'assign':
      return (
        <div className="task-form-row">
          <select aria-label={`Action ${index + 1} agent`} value={d.assigneeId} onChange={(e) => onChange({ ...d, assigneeId: e.target.value })}>
            <option value="">Agent: leave as is</option>
            {agents.filter((a) => a.active).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <select aria-label={`Action ${index + 1} team`} value={d.teamId} onChange={(e) => onChange({ ...d, teamId: e.target.value })}>
            <option value="">Team: leave as is</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      );
    case 'setStatus':
      return (
        <select aria-label={`Action ${index + 1} status`} value={d.statusKey} onChange={(e) => onChange({ ...d, statusKey: e.target.value })}>
          {statuses.filter((s) => s.category !== 'snoozed').map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      );
    case 'setPriority':
      return (
        <select aria-label={`Action ${index + 1} priority`} value={d.priority} onChange={(e) => onChange({ ...d, priority: e.target.value as Priority })}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      );
  }
}

export function ActionEditor(p: Props) {
  return (
    <li className="macro-action" data-testid="macro-action">
      <div className="macro-action-head">
        <span className="macro-action-number">{p.index + 1}.</span>
        <select aria-label={`Action ${p.index + 1}`} value={p.draft.type} onChange={(e) => p.onChange({ ...p.draft, type: e.target.value as ActionDraft['type'] })}>
          {(Object.keys(macroActionLabel) as ActionDraft['type'][]).map((t) => (
            <option key={t} value={t}>
              {macroActionLabel[t]}
            </option>
          ))}
        </select>
        {p.onUp && (
          <button type="button" className="button" aria-label={`Move action ${p.index + 1} up`} onClick={p.onUp}>
            ↑
          </button>
        )}
        <button type="button" className="button" aria-label={`Remove action ${p.index + 1}`} onClick={p.onRemove}>
          Remove
        </button>
      </div>
      <Fields {...p} />
    </li>
  );
}
