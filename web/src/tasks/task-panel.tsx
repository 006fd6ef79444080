// The tasks of one conversation or one contact, with a form to add one: in the conversation's
// Tasks menu and in the customer panel.
import { useState } from 'react';
import { TaskForm } from './task-form.tsx';
import { TaskItems } from './task-items.tsx';
import { useTasks } from './use-tasks.ts';

export function TaskPanel({ target, label }: { target: { conversationId: string } | { contactId: string }; label: string }) {
  const list = useTasks({ ...target, limit: 50 });
  const [adding, setAdding] = useState(false);
  return (
    <div className="task-panel">
      <TaskItems list={list} label={label} empty="No tasks yet." />
      {adding ? (
        <TaskForm onSubmit={(f) => list.create({ ...target, ...f })} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add task
        </button>
      )}
    </div>
  );
}
