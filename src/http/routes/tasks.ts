// /api/tasks: follow-up reminders. Every agent lists theirs and a conversation's or contact's,
// creates them, and changes the ones they are assigned or created (supervisors: any).
import { Hono } from 'hono';
import { z } from 'zod';
import { deleteTask } from '../../domain/tasks/delete-task.ts';
import { listTasks } from '../../domain/tasks/list-tasks.ts';
import { createTask, updateTask } from '../../domain/tasks/save-task.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { taskCreateBody, taskListQuery, taskUpdateBody } from '../schemas/tasks.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function taskRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/tasks', allow('agent'), validate('query', taskListQuery), async (c) => c.json({ items: await listTasks(deps, c.get('viewer'), c.req.valid('query')) }));
  app.post('/tasks', allow('agent'), validate('json', taskCreateBody), async (c) => c.json(await createTask(deps, c.get('viewer'), c.req.valid('json')), 201));
  app.patch('/tasks/:id', allow('agent'), validate('param', idParam), validate('json', taskUpdateBody), async (c) => {
    return c.json(await updateTask(deps, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });
  app.delete('/tasks/:id', allow('agent'), validate('param', idParam), async (c) => {
    await deleteTask(deps.db, c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
