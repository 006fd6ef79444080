// The API calls of follow-up tasks and macros.
import { request } from './client.ts';
import type { ApplyMacroResult, Items, Macro, MacroApplyBody, MacroCreateBody, MacroUpdateBody, Task, TaskCreateBody, TaskListQuery, TaskUpdateBody } from './types.ts';

const enc = encodeURIComponent;

export const taskApi = {
  tasks: (q: TaskListQuery, signal?: AbortSignal) => {
    const search = new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    return request<Items<Task>>('GET', `/api/tasks?${search}`, undefined, { signal });
  },
  createTask: (body: TaskCreateBody) => request<Task>('POST', '/api/tasks', body),
  updateTask: (id: string, body: TaskUpdateBody) => request<Task>('PATCH', `/api/tasks/${enc(id)}`, body),
  deleteTask: (id: string) => request<void>('DELETE', `/api/tasks/${enc(id)}`),

  macros: () => request<Items<Macro>>('GET', '/api/macros'),
  createMacro: (body: MacroCreateBody) => request<Macro>('POST', '/api/macros', body),
  updateMacro: (id: string, body: MacroUpdateBody) => request<Macro>('PATCH', `/api/macros/${enc(id)}`, body),
  deleteMacro: (id: string) => request<void>('DELETE', `/api/macros/${enc(id)}`),
  applyMacro: (id: string, body: MacroApplyBody) => request<ApplyMacroResult>('POST', `/api/macros/${enc(id)}/apply`, body),
};
