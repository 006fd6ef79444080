// A list of tasks (mine, a conversation's or a contact's) with the changes the agent makes to it:
// each applies the API's answer and shows the API's reason when refused. A due reminder reloads it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { taskApi } from '../api/task-endpoints.ts';
import type { Task, TaskCreateBody, TaskListQuery, TaskUpdateBody } from '../api/types.ts';
import { useSocketEvent } from '../realtime/socket.tsx';
import { useToasts } from '../ui/toasts.tsx';

export interface TaskList {
  items: Task[];
  loading: boolean;
  error: string | null;
  reload(): void;
  create(body: TaskCreateBody): Promise<boolean>;
  /** Whether the server took the change. */
  update(t: Task, body: TaskUpdateBody): Promise<boolean>;
  remove(t: Task): Promise<void>;
}

const CHANGED = 'parley:tasks-changed';

export function useTasks(query: TaskListQuery): TaskList {
  const toasts = useToasts();
  const [items, setItems] = useState<Task[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    taskApi
      .tasks(JSON.parse(key) as TaskListQuery, ctl.signal)
      .then((r) => {
        setItems(r.items);
        setError(null);
      })
      .catch((err: unknown) => !ctl.signal.aborted && setError(errorMessage(err)))
      .finally(() => !ctl.signal.aborted && setLoading(false));
    return () => ctl.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useSocketEvent('notification.created', (n) => n.kind === 'task.due' && reload());
  // Another list on screen changed a task (the conversation's menu and the customer panel show the same ones).
  const self = useRef({});
  const announce = useCallback(() => window.dispatchEvent(new CustomEvent(CHANGED, { detail: self.current })), []);
  useEffect(() => {
    const onChanged = (e: Event) => (e as CustomEvent).detail !== self.current && reload();
    window.addEventListener(CHANGED, onChanged);
    return () => window.removeEventListener(CHANGED, onChanged);
  }, [reload]);

  const create = useCallback(
    async (body: TaskCreateBody) => {
      try {
        await taskApi.createTask(body);
        reload();
        announce();
        return true;
      } catch (err) {
        toasts.error(`Could not add the task: ${errorMessage(err)}`);
        return false;
      }
    },
    [reload, announce, toasts],
  );
  const update = useCallback(
    async (t: Task, body: TaskUpdateBody) => {
      try {
        const next = await taskApi.updateTask(t.id, body);
        setItems((list) => list.map((x) => (x.id === next.id ? next : x)));
        announce();
        return true;
      } catch (err) {
        toasts.error(`Could not change “${t.title}”: ${errorMessage(err)}`);
        return false;
      }
    },
    [announce, toasts],
  );
  const remove = useCallback(
    async (t: Task) => {
      if (!window.confirm(`Delete the task “${t.title}”?`)) return;
      try {
        await taskApi.deleteTask(t.id);
        setItems((list) => list.filter((x) => x.id !== t.id));
        announce();
      } catch (err) {
        toasts.error(`Could not delete “${t.title}”: ${errorMessage(err)}`);
      }
    },
    [announce, toasts],
  );
  return { items, loading, error, reload, create, update, remove };
}
