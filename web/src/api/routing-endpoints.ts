// The calls the routing and SLA settings pages make (workflow, queues, skills, SLA policies,
// business calendars, statuses, and the previews of what a change would do).
import { request } from './client.ts';
import type {
  BusinessCalendar,
  CalendarBody,
  Items,
  Queue,
  QueueCreateBody,
  QueuePatchBody,
  RoutingWorkflow,
  Skill,
  SlaImpact,
  SlaPolicy,
  SlaPolicyBody,
  StatusCreateBody,
  StatusDefinition,
  StatusPatchBody,
  WorkflowBody,
} from './types.ts';

const enc = encodeURIComponent;

export const routingApi = {
  workflow: () => request<RoutingWorkflow>('GET', '/api/routing/workflow'),
  saveWorkflow: (body: WorkflowBody) => request<RoutingWorkflow>('PUT', '/api/routing/workflow', body),
  queues: () => request<Items<Queue>>('GET', '/api/queues'),
  createQueue: (body: QueueCreateBody) => request<Queue>('POST', '/api/queues', body),
  updateQueue: (id: string, body: QueuePatchBody) => request<Queue>('PATCH', `/api/queues/${enc(id)}`, body),
  skills: () => request<Items<Skill>>('GET', '/api/skills'),

  policies: () => request<Items<SlaPolicy>>('GET', '/api/sla/policies'),
  previewPolicy: (id: string | null, body: SlaPolicyBody, signal?: AbortSignal) =>
    request<SlaImpact>('POST', id ? `/api/sla/policies/${enc(id)}/preview` : '/api/sla/policies/preview', body, { signal }),
  savePolicy: (id: string | null, body: SlaPolicyBody) => (id ? request<SlaPolicy>('PUT', `/api/sla/policies/${enc(id)}`, body) : request<SlaPolicy>('POST', '/api/sla/policies', body)),

  calendars: () => request<Items<BusinessCalendar>>('GET', '/api/sla/calendars'),
  previewCalendar: (id: string, body: CalendarBody, signal?: AbortSignal) => request<SlaImpact>('POST', `/api/sla/calendars/${enc(id)}/preview`, body, { signal }),
  saveCalendar: (id: string | null, body: CalendarBody) =>
    id ? request<BusinessCalendar>('PUT', `/api/sla/calendars/${enc(id)}`, body) : request<BusinessCalendar>('POST', '/api/sla/calendars', body),

  statuses: () => request<Items<StatusDefinition>>('GET', '/api/statuses'),
  createStatus: (body: StatusCreateBody) => request<StatusDefinition>('POST', '/api/statuses', body),
  previewStatus: (key: string, body: StatusPatchBody, signal?: AbortSignal) => request<SlaImpact>('POST', `/api/statuses/${enc(key)}/preview`, body, { signal }),
  updateStatus: (key: string, body: StatusPatchBody) => request<StatusDefinition>('PATCH', `/api/statuses/${enc(key)}`, body),
};
