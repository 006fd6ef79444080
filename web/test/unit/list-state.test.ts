// How live summaries change the loaded inbox page: which view a conversation belongs in, where it
// goes, and when it counts as unread.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary, Me } from '../../src/api/types.ts';
import { conversationSummary } from '../support/conversation-summary.ts';
import { applySummary, matchesQuery, toListParams, type ListQuery, type ListState } from '../../src/inbox/list-state.ts';

const me: Me = { id: 'ada', name: 'Ada', email: 'ada@x.test', role: 'agent', workspaceId: 'w', teamIds: ['support'], presence: 'online', presenceChangedAt: '2026-01-01T00:00:00.000Z' };

function summary(id: string, at: string, patch: Partial<ConversationSummary> = {}): ConversationSummary {
  return conversationSummary(id, { lastMessageAt: at, lastInboundAt: at, createdAt: at, ...patch });
}

const all: ListQuery = { view: { kind: 'all' }, status: 'open', channelId: null };
const state = (items: ConversationSummary[], nextCursor: string | null = null): ListState => ({ items, nextCursor, loading: null, error: null });
const ctx = { matches: true, openId: null, readAt: undefined };

describe('matchesQuery', () => {
  it('follows view, status, channel and what an agent may see', () => {
    const mine = summary('a', 't', { assignee: { id: 'ada', name: 'Ada', email: '' } });
    expect(matchesQuery(mine, { ...all, view: { kind: 'mine' } }, me)).toBe(true);
    expect(matchesQuery(mine, { ...all, view: { kind: 'unassigned' } }, me)).toBe(false);
    expect(matchesQuery(mine, { ...all, status: 'resolved' }, me)).toBe(false);
    expect(matchesQuery(mine, { ...all, channelId: 'other' }, me)).toBe(false);
    const billing = summary('b', 't', { team: { id: 'billing', name: 'Billing' } });
    expect(matchesQuery(billing, all, me)).toBe(false);
    expect(matchesQuery(billing, all, { ...me, role: 'supervisor' })).toBe(true);
    expect(matchesQuery(summary('s', 't', { team: { id: 'support', name: 'Support' } }), { ...all, view: { kind: 'team', teamId: 'support' } }, me)).toBe(true);
  });

  it('asks the API for the same view', () => {
    expect(toListParams({ view: { kind: 'team', teamId: 'support' }, status: 'pending', channelId: 'ch' })).toEqual({ status: ['pending'], assignee: 'all', teamId: 'support', channelId: 'ch' });
    expect(toListParams({ ...all, view: { kind: 'mine' } }).assignee).toBe('me');
  });
});

describe('applySummary', () => {
  const a = summary('a', '2026-01-01T10:00:00.000Z');
  const b = summary('b', '2026-01-01T09:00:00.000Z');

  it('moves a conversation with new activity to the top and marks it unread', () => {
    const next = applySummary(state([a, { ...b, unread: false }]), summary('b', '2026-01-01T11:00:00.000Z'), ctx);
    expect(next.items.map((c) => c.id)).toEqual(['b', 'a']);
    expect(next.items[0]!.unread).toBe(true);
  });

  it('updates in place without activity and keeps the read state', () => {
    const read = { ...b, unread: false };
    const next = applySummary(state([a, read]), { ...b, priority: 'urgent' }, ctx);
    expect(next.items.map((c) => [c.id, c.priority, c.unread])).toEqual([
      ['a', 'normal', undefined],
      ['b', 'urgent', false],
    ]);
  });

  it('drops a conversation that no longer matches the view', () => {
    expect(applySummary(state([a, b]), a, { ...ctx, matches: false }).items.map((c) => c.id)).toEqual(['b']);
  });

  it('leaves an older conversation to the next page while more pages exist', () => {
    const old = summary('z', '2025-01-01T00:00:00.000Z');
    expect(applySummary(state([a], 'cursor'), old, ctx).items.map((c) => c.id)).toEqual(['a']);
    expect(applySummary(state([a]), old, ctx).items.map((c) => c.id)).toEqual(['a', 'z']);
  });

  it('never marks the open conversation or one read after its last customer message as unread', () => {
    expect(applySummary(state([]), a, { ...ctx, openId: 'a' }).items[0]!.unread).toBe(false);
    expect(applySummary(state([]), a, { ...ctx, readAt: '2026-01-01T10:00:01.000Z' }).items[0]!.unread).toBe(false);
    expect(applySummary(state([]), { ...a, lastInboundAt: null }, ctx).items[0]!.unread).toBe(false);
  });
});
