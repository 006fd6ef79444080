// What routing and SLA notifications say to the agent or supervisor who receives them.
import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../../src/api/types.ts';
import { routingAlertText, type RoutingAlertKind } from '../../src/inbox/use-routing-alerts.ts';

const note = (kind: RoutingAlertKind, data: AppNotification['data']): AppNotification & { kind: RoutingAlertKind } => ({ id: 'n', kind, conversationId: 'c', data, createdAt: '2026-03-02T10:00:00.000Z' });
const names = (id: string) => ({ bob: 'Bob Agent' })[id] ?? 'An agent';

describe('routing alert text', () => {
  it('names the conversation, the metric and the time left for an SLA warning', () => {
    expect(routingAlertText(note('sla.warning', { number: 12, metric: 'first_response', minutesLeft: 15 }), names)).toBe('SLA warning: #12 first response due in 15 min');
    expect(routingAlertText(note('sla.warning', { number: 12, metric: 'next_response', minutesLeft: 0 }), names)).toBe('SLA warning: #12 next response due in under a minute');
  });
  it('says which target a breach missed', () => {
    expect(routingAlertText(note('sla.breach', { number: 7, metric: 'resolution' }), names)).toBe('SLA breached: #7 missed its resolution target');
  });
  it('tells supervisors what nobody took and who left with work', () => {
    expect(routingAlertText(note('routing.unassigned', { number: 3, queue: 'Billing' }), names)).toBe('#3 is still waiting in Billing: nobody took it after the last routing step');
    expect(routingAlertText(note('agent.offline-with-work', { agentId: 'bob', count: 1 }), names)).toBe('Bob Agent went offline with 1 open conversation');
    expect(routingAlertText(note('agent.offline-with-work', { agentId: 'zed', count: 4 }), names)).toBe('An agent went offline with 4 open conversations');
  });
});
