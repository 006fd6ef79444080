// When a filter applies: every condition given must hold (within one, any of its values will do);
// a condition left empty is not checked. Channel kinds come from the server's registry.
import { CheckGroup } from '../admin/check-group.tsx';
import { FieldError, invalidProps } from '../admin/field-problems.tsx';
import { ListInput } from '../admin/list-input.tsx';
import { PRIORITIES, type WorkflowConditions } from '../api/types.ts';
import { channelKinds } from '../channels/channel-kinds.ts';
import { useEditorOptions } from './editor-options.ts';
import { AttributesEditor } from './attributes-editor.tsx';

type ListKey = 'language' | 'keywords' | 'contactTier' | 'contactTags' | 'conversationTags';

const lists: { key: ListKey; label: string; placeholder: string }[] = [
  { key: 'keywords', label: 'Words in the first message', placeholder: 'e.g. invoice, refund' },
  { key: 'language', label: 'Language', placeholder: 'e.g. de, fr' },
  { key: 'contactTier', label: 'Customer tier', placeholder: 'e.g. gold' },
  { key: 'contactTags', label: 'Customer tags', placeholder: 'e.g. vip' },
  { key: 'conversationTags', label: 'Conversation tags', placeholder: 'e.g. complaint' },
];

interface Props {
  uid: number;
  when: WorkflowConditions;
  /** "filters.0.when" */
  path: string;
  onChange(when: WorkflowConditions): void;
}

export function ConditionsEditor({ uid, when, path, onChange }: Props) {
  const { teams, problems } = useEditorOptions();
  const set = <K extends keyof WorkflowConditions>(key: K, value: WorkflowConditions[K]) => onChange({ ...when, [key]: value });
  return (
    <div className="conditions">
      <CheckGroup legend="Channel" options={channelKinds().map((k) => ({ value: k.kind, label: k.label }))} value={when.channel ?? []} onChange={(v) => set('channel', v as WorkflowConditions['channel'])} />
      <FieldError problems={problems} path={`${path}.channel`} under />
      {teams.length > 0 && <CheckGroup legend="Team" options={teams.map((t) => ({ value: t.id, label: t.name }))} value={when.teamId ?? []} onChange={(v) => set('teamId', v)} />}
      <FieldError problems={problems} path={`${path}.teamId`} under />
      <CheckGroup legend="Priority" options={PRIORITIES.map((p) => ({ value: p, label: p }))} value={when.priority ?? []} onChange={(v) => set('priority', v as WorkflowConditions['priority'])} />
      <div className="editor-grid">
        {lists.map((l) => (
          <label key={l.key} className="editor-field" htmlFor={`when-${uid}-${l.key}`}>
            <span>{l.label}</span>
            <ListInput id={`when-${uid}-${l.key}`} value={when[l.key] ?? []} placeholder={l.placeholder} invalid={invalidProps(problems, `${path}.${l.key}`)} onChange={(v) => set(l.key, v)} />
            <FieldError problems={problems} path={`${path}.${l.key}`} under />
          </label>
        ))}
      </div>
      <AttributesEditor uid={uid} value={when.attributes ?? {}} onChange={(v) => set('attributes', v)} />
      <FieldError problems={problems} path={`${path}.attributes`} under />
    </div>
  );
}
