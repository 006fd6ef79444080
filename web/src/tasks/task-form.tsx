// Adding or changing a task: what to do, when, for whom (the agent by default), an optional note.
import { useState, type FormEvent } from 'react';
import type { Task } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { toLocalInput } from '../ui/format.ts';

export interface TaskFields {
  title: string;
  dueAt: string;
  assigneeId: string;
  note: string | null;
}

interface Props {
  /** The task being changed; none: a new one. */
  task?: Task;
  onSubmit(fields: TaskFields): Promise<boolean>;
  onDone?(): void;
  onCancel?(): void;
}

function tomorrowMorning(): Date {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d;
}

export function TaskForm({ task, onSubmit, onDone, onCancel }: Props) {
  const { me, agents } = useSession();
  const [title, setTitle] = useState(task?.title ?? '');
  const [due, setDue] = useState(() => toLocalInput(task ? new Date(task.dueAt) : tomorrowMorning()));
  const [assigneeId, setAssigneeId] = useState(task?.assignee.id ?? me.id);
  const [note, setNote] = useState(task?.note ?? '');
  const [saving, setSaving] = useState(false);
  const dueAt = new Date(due);
  const valid = title.trim() !== '' && !Number.isNaN(dueAt.getTime());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    setSaving(true);
    const ok = await onSubmit({ title: title.trim(), dueAt: dueAt.toISOString(), assigneeId, note: note.trim() || null });
    setSaving(false);
    if (!ok) return;
    setTitle('');
    setNote('');
    onDone?.();
  };

  return (
    <form className="task-form" aria-label={task ? `Change “${task.title}”` : 'Add a task'} onSubmit={(e) => void submit(e)}>
      <input aria-label="Task" placeholder="Follow up on…" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="task-form-row">
        <input type="datetime-local" aria-label="Due" value={due} onChange={(e) => setDue(e.target.value)} />
        <select aria-label="Assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          {agents
            .filter((a) => a.active)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.id === me.id ? `Me (${a.name})` : a.name}
              </option>
            ))}
        </select>
      </div>
      <textarea aria-label="Note" rows={2} placeholder="Note (optional)" maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button-primary" disabled={!valid || saving}>
          {saving ? 'Saving…' : task ? 'Save task' : 'Add task'}
        </button>
      </div>
    </form>
  );
}
