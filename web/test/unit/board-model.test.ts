// The supervisor board's rules: traffic lights, the waiting list's order, durations and the chart.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../src/api/types.ts';
import { conversationSummary } from '../support/conversation-summary.ts';
import { LONG_WAIT_SECONDS, axisFor, humanDuration, liveOffer, queueLight, sortWaiting, volumeLayout } from '../../src/board/board-model.ts';

function waiting(id: string, patch: Partial<ConversationSummary> = {}): ConversationSummary {
  return conversationSummary(id, { queue: { id: 'q', name: 'General' }, queuedAt: '2026-03-02T09:00:00.000Z', ...patch });
}

describe('queue traffic light', () => {
  it('is red when any conversation missed its target, whatever else holds', () => {
    expect(queueLight({ waiting: 3, slaAtRisk: 2, slaBreached: 1 }, 5).light).toBe('red');
  });
  it('is amber when conversations are close to a target, or someone has waited long', () => {
    expect(queueLight({ waiting: 1, slaAtRisk: 1, slaBreached: 0 }, 5)).toEqual({ light: 'amber', reason: '1 conversation close to an SLA target' });
    expect(queueLight({ waiting: 1, slaAtRisk: 0, slaBreached: 0 }, LONG_WAIT_SECONDS).light).toBe('amber');
  });
  it('is green with nobody waiting or everyone within targets', () => {
    expect(queueLight({ waiting: 0, slaAtRisk: 0, slaBreached: 0 }, 0)).toEqual({ light: 'green', reason: 'nobody waiting' });
    expect(queueLight({ waiting: 4, slaAtRisk: 0, slaBreached: 0 }, LONG_WAIT_SECONDS - 1).light).toBe('green');
  });
});

describe('waiting list order', () => {
  it('orders by priority, then the soonest SLA due time, then arrival, like the route worker', () => {
    const list = [
      waiting('normal-late-due', { sla: { state: 'green', metric: 'first_response', dueAt: '2026-03-02T12:00:00.000Z', paused: false }, queuedAt: '2026-03-02T08:00:00.000Z' }),
      waiting('normal-no-sla-early', { queuedAt: '2026-03-02T07:00:00.000Z' }),
      waiting('urgent', { priority: 'urgent', queuedAt: '2026-03-02T09:59:00.000Z' }),
      waiting('normal-soon-due', { sla: { state: 'amber', metric: 'first_response', dueAt: '2026-03-02T10:05:00.000Z', paused: false } }),
      waiting('normal-no-sla-late', { queuedAt: '2026-03-02T09:30:00.000Z' }),
      waiting('low', { priority: 'low', queuedAt: '2026-03-01T09:00:00.000Z' }),
      waiting('high', { priority: 'high' }),
    ];
    expect(sortWaiting(list).map((c) => c.id)).toEqual(['urgent', 'high', 'normal-soon-due', 'normal-late-due', 'normal-no-sla-early', 'normal-no-sla-late', 'low']);
  });
  it('leaves out what is assigned or no longer open', () => {
    const list = [waiting('a'), waiting('b', { assignee: { id: 'x', name: 'X', email: 'x@x.test' } }), waiting('c', { status: 'pending' })];
    expect(sortWaiting(list).map((c) => c.id)).toEqual(['a']);
  });
  it('falls back to creation time for conversations routing has not queued yet', () => {
    const list = [waiting('queued', { queuedAt: '2026-03-02T09:00:00.000Z' }), waiting('fresh', { queuedAt: null, createdAt: '2026-03-02T08:00:00.000Z' })];
    expect(sortWaiting(list).map((c) => c.id)).toEqual(['fresh', 'queued']);
  });
  it('knows a live offer from an expired one', () => {
    const now = Date.parse('2026-03-02T10:00:00.000Z');
    expect(liveOffer(waiting('a', { offeredAgentId: 'ada', offerExpiresAt: '2026-03-02T10:00:20.000Z' }), now)).toEqual({ agentId: 'ada', expiresAt: now + 20_000 });
    expect(liveOffer(waiting('a', { offeredAgentId: 'ada', offerExpiresAt: '2026-03-02T09:59:59.000Z' }), now)).toBeNull();
  });
});

describe('durations', () => {
  it('reads like a person would say it', () => {
    expect(humanDuration(null)).toBe('–');
    expect(humanDuration(42.4)).toBe('42s');
    expect(humanDuration(7 * 60 + 5)).toBe('7m');
    expect(humanDuration(3600 + 20 * 60)).toBe('1h 20m');
    expect(humanDuration(2 * 3600)).toBe('2h');
    expect(humanDuration(2 * 86_400 + 3 * 3600)).toBe('2d 3h');
  });
});

describe('volume chart', () => {
  it('stacks each hour by channel, busiest channel first, with a round axis', () => {
    const layout = volumeLayout([
      { hour: 9, channel: 'email', count: 3 },
      { hour: 9, channel: 'sms', count: 2 },
      { hour: 10, channel: 'email', count: 4 },
      { hour: 10, channel: 'webchat', count: 1 },
    ]);
    expect(layout.hours).toHaveLength(24);
    expect(layout.channels).toEqual([
      { channel: 'email', total: 7 },
      { channel: 'sms', total: 2 },
      { channel: 'webchat', total: 1 },
    ]);
    expect(layout.hours[9]).toEqual({ hour: 9, total: 5, segments: [{ channel: 'email', count: 3, from: 0 }, { channel: 'sms', count: 2, from: 3 }] });
    expect(layout.hours[0]).toEqual({ hour: 0, total: 0, segments: [] });
    expect(layout.axis).toEqual({ max: 6, step: 2 });
  });
  it('chooses at most five gridlines', () => {
    expect(axisFor(0)).toEqual({ max: 1, step: 1 });
    expect(axisFor(3)).toEqual({ max: 3, step: 1 });
    expect(axisFor(12)).toEqual({ max: 15, step: 5 });
    expect(axisFor(23)).toEqual({ max: 30, step: 10 });
    expect(axisFor(180)).toEqual({ max: 200, step: 50 });
  });
});
