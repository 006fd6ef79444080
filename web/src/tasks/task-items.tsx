// Tasks as rows: a checkbox to complete or reopen, the title, when it is due (overdue marked),
// for whom and on what; changing and deleting.
import { useState } from 'react';
import type { Task } from '../api/types.ts';
import { TaskForm } from './task-form.tsx';
import { contactLabel, fullTime, shortDuration } from '../ui/format.ts';
import { useNow } from '../ui/use-now.ts';
import type { TaskList } from './use-tasks.ts';
import './tasks.css';

interface Props {
  list: TaskList;
  /** Show what the task is on (My tasks); a link opens its conversation. */
  showTarget?: boolean;
  onOpenConversation?(id: string): void;
  empty: string;
  label: string;
}

/** "due in 2h", "was due 1h 20m ago", "done" (the exact time is the tooltip). */
function dueText(t: Task, now: number): string {
  if (t.done) return `done, was due ${fullTime(t.dueAt)}`;
  const ms = Date.parse(t.dueAt) - now;
  return ms >= 0 ? `due in ${shortDuration(ms)}` : `was due ${shortDuration(ms)} ago`;
}

function Target({ t, onOpen }: { t: Task; onOpen?(id: string): void }) {
  const conversation = t.conversation;
  if (conversation && onOpen) {
    return (
      <button type="button" className="link-button task-target" onClick={() => onOpen(conversation.id)}>
        #{conversation.number} {conversation.subject ?? ''}
      </button>
    );
  }
  return t.contact ? <span className="task-target dim">{contactLabel({ name: t.contact.name, email: null, phone: null })}</span> : null;
}

export function TaskItems({ list, showTarget, onOpenConversation, empty, label }: Props) {
  const now = useNow();
  const [editing, setEditing] = useState<string | null>(null);
  if (list.error) return <div className="banner banner-error">{list.error}</div>;
  if (!list.loading && list.items.length === 0) return <p className="dim task-empty">{empty}</p>;
  return (
    <ul className="task-list" aria-label={label}>
      {list.items.map((t) =>
        editing === t.id ? (
          <li key={t.id} className="task">
            <TaskForm task={t} onSubmit={(f) => list.update(t, f)} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
          </li>
        ) : (
        <li key={t.id} className={['task', t.done && 'task-done', t.overdue && 'task-overdue'].filter(Boolean).join(' ')} data-task-id={t.id}>
          <input type="checkbox" aria-label={t.done ? `Reopen “${t.title}”` : `Mark “${t.title}” done`} checked={t.done} onChange={() => void list.update(t, { done: !t.done })} />
          <div className="task-main">
            <span className="task-title">{t.title}</span>
            <span className="task-meta">
              {t.overdue && <span className="task-overdue-badge">Overdue</span>}
              <time dateTime={t.dueAt} title={fullTime(t.dueAt)}>
                {dueText(t, now)}
              </time>
              <span className="dim">· {t.assignee.name}</span>
              {showTarget && <Target t={t} onOpen={onOpenConversation} />}
            </span>
            {t.note && <span className="task-note">{t.note}</span>}
          </div>
          <button type="button" className="link-button task-edit" aria-label={`Change “${t.title}”`} onClick={() => setEditing(t.id)}>
            Edit
          </button>
          <button type="button" className="icon-button task-delete" aria-label={`Delete “${t.title}”`} title="Delete" onClick={() => void list.remove(t)}>
            ×
          </button>
        </li>
        ),
      )}
    </ul>
  );
}
