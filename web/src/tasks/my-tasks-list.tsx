// The "My tasks" inbox view: the agent's open tasks by due time (overdue first and marked), or
// the ones done; a task's conversation opens beside the list.
import { useState } from 'react';
import { TaskItems } from './task-items.tsx';
import { useTasks } from './use-tasks.ts';

export function MyTasksList({ onOpenConversation }: { onOpenConversation(id: string): void }) {
  const [done, setDone] = useState(false);
  const list = useTasks({ mine: 'true', done: done ? 'true' : 'false', limit: 200 });
  const overdue = list.items.filter((t) => t.overdue).length;
  return (
    <section className="list-column" aria-label="My tasks" data-testid="my-tasks">
      <header className="list-header">
        <h1 className="list-title">My tasks</h1>
        <div className="status-tabs" role="tablist" aria-label="Tasks">
          {[false, true].map((d) => (
            <button key={String(d)} type="button" role="tab" aria-selected={done === d} className={done === d ? 'tab tab-active' : 'tab'} onClick={() => setDone(d)}>
              {d ? 'Done' : 'To do'}
            </button>
          ))}
        </div>
        {!done && overdue > 0 && <div className="list-state-line task-overdue-line">{overdue} overdue</div>}
      </header>
      <div className="task-scroll">
        <TaskItems list={list} label={done ? 'Done tasks' : 'Tasks to do'} showTarget onOpenConversation={onOpenConversation} empty={done ? 'Nothing done yet.' : 'Nothing to follow up. Add tasks from a conversation or a customer.'} />
      </div>
    </section>
  );
}
