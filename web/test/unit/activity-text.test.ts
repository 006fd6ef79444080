// What the timeline's activity lines say: who did what, with Parley's own doings phrased without
// a person, and entries placed between the messages by time.
import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/api/types.ts';
import { activityText } from '../../src/conversation/activity-text.ts';
import { mergeTimeline } from '../../src/conversation/merge-timeline.ts';
import type { TimelineMessage } from '../../src/conversation/use-conversation.ts';

const ada = { id: 'a1', name: 'Ada Agent' };
const bob = { id: 'b1', name: 'Bob Agent' };
const alex = { id: 'x1', name: 'Alex Admin' };
let seq = 0;
const entry = (e: Pick<ConversationEvent, 'kind' | 'data'> & { actor?: ConversationEvent['actor']; createdAt?: string }): ConversationEvent =>
  ({ id: `e${++seq}`, conversationId: 'c1', actor: null, createdAt: '2026-03-02T09:00:00.000Z', ...e }) as ConversationEvent;
const at = (iso: string) => `at ${iso.slice(11, 16)}`;
const text = (e: Parameters<typeof entry>[0]) => activityText(entry(e), at);

describe('activity text', () => {
  it('names who assigned, took, handed back or transferred, and where routing sent it', () => {
    expect(text({ kind: 'assignment', actor: alex, data: { agent: { from: null, to: ada }, via: 'manual' } })).toBe('Alex Admin assigned the conversation to Ada Agent');
    expect(text({ kind: 'assignment', actor: ada, data: { agent: { from: null, to: ada }, via: 'manual' } })).toBe('Ada Agent took the conversation');
    expect(text({ kind: 'assignment', actor: ada, data: { agent: { from: ada, to: null }, via: 'manual' } })).toBe('Ada Agent handed the conversation back');
    expect(text({ kind: 'assignment', actor: alex, data: { agent: { from: ada, to: bob }, team: { from: null, to: { id: 't', name: 'Billing' } }, via: 'manual' } })).toBe(
      'Alex Admin transferred the conversation from Ada Agent to Bob Agent to the Billing team',
    );
    expect(text({ kind: 'assignment', data: { agent: { from: null, to: ada }, via: 'routing', queue: 'General', step: 0 } })).toBe('Routed to Ada Agent from General');
    expect(text({ kind: 'assignment', data: { agent: { from: ada, to: null }, via: 'agent-offline' } })).toBe('Returned to routing: Ada Agent went offline');
  });

  it('says status, priority and tag changes, and which ones Parley made by itself', () => {
    expect(text({ kind: 'status', actor: ada, data: { from: 'open', to: 'resolved', label: 'Resolved', snoozedUntil: null } })).toBe('Ada Agent resolved the conversation');
    expect(text({ kind: 'status', data: { from: 'resolved', to: 'open', label: 'Open', snoozedUntil: null } })).toBe('Reopened by a new customer message');
    expect(text({ kind: 'status', actor: ada, data: { from: 'open', to: 'snoozed', label: 'Snoozed', snoozedUntil: '2026-03-03T08:00:00.000Z' } })).toBe('Ada Agent snoozed the conversation until at 08:00');
    expect(text({ kind: 'status', actor: ada, data: { from: 'open', to: 'pending', label: 'Pending on customer', snoozedUntil: null } })).toBe('Ada Agent set the status to Pending on customer');
    expect(text({ kind: 'priority', actor: ada, data: { from: 'normal', to: 'high', via: 'manual' } })).toBe('Ada Agent changed the priority from normal to high');
    expect(text({ kind: 'priority', data: { from: 'high', to: 'urgent', via: 'sla-breach' } })).toBe('Priority raised from high to urgent after the SLA breach');
    expect(text({ kind: 'tags', actor: ada, data: { added: ['vip', 'refund'], removed: ['spam'] } })).toBe('Ada Agent added tags vip, refund and removed tag spam');
  });

  it('says SLA warnings and breaches with their due time, routing steps from one, and offers', () => {
    expect(text({ kind: 'sla.warning', data: { metric: 'first_response', dueAt: '2026-03-02T09:10:00.000Z' } })).toBe('SLA warning: first response due at 09:10');
    expect(text({ kind: 'sla.breach', data: { metric: 'next_response', dueAt: '2026-03-02T09:10:00.000Z' } })).toBe('SLA breached: next response was due at 09:10');
    expect(text({ kind: 'routing.queued', data: { queue: 'Billing', step: 1, filter: 'billing words' } })).toBe('Waiting in Billing (routing step 2, billing words)');
    expect(text({ kind: 'offer', data: { outcome: 'offered', agent: ada, queue: 'Chat' } })).toBe('Offered to Ada Agent from Chat');
    expect(text({ kind: 'offer', actor: ada, data: { outcome: 'declined', agent: ada } })).toBe('Ada Agent declined the offer');
    expect(text({ kind: 'offer', data: { outcome: 'expired', agent: bob } })).toBe('The offer to Bob Agent expired');
  });
});

describe('timeline order', () => {
  const message = (id: string, createdAt: string) => ({ id, createdAt }) as TimelineMessage;
  it('puts each entry before the first message written after it, and later entries last', () => {
    const m1 = message('m1', '2026-03-02T09:00:00.000Z');
    const m2 = message('m2', '2026-03-02T09:05:00.000Z');
    const e1 = entry({ kind: 'tags', data: { added: ['a'], removed: [] }, createdAt: '2026-03-02T09:01:00.000Z' });
    const e2 = entry({ kind: 'tags', data: { added: ['b'], removed: [] }, createdAt: '2026-03-02T09:06:00.000Z' });
    const order = mergeTimeline([m1, m2], [e1, e2]).map((x) => (x.type === 'message' ? x.m.id : x.e.id));
    expect(order).toEqual(['m1', e1.id, 'm2', e2.id]);
    expect(mergeTimeline([], [e1]).map((x) => x.type)).toEqual(['activity']);
  });
});
