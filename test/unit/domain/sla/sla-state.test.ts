import { describe, expect, it } from 'vitest';
import { slaState, type ClockSnapshot } from '../../../../src/domain/sla/sla-state.ts';

const clock = (o: Partial<ClockSnapshot>): ClockSnapshot => ({ metric: 'first_response', status: 'running', dueAt: new Date('2026-01-01T10:00:00Z'), warnedAt: null, breachedAt: null, metAt: null, ...o });

describe('slaState', () => {
  it('is green while clocks run within target, naming the soonest due', () => {
    const s = slaState([clock({ metric: 'resolution', dueAt: new Date('2026-01-02T00:00:00Z') }), clock({})]);
    expect(s).toEqual({ state: 'green', metric: 'first_response', dueAt: '2026-01-01T10:00:00.000Z', paused: false });
  });
  it('turns amber once a warning fired', () => {
    expect(slaState([clock({ warnedAt: new Date() })])?.state).toBe('amber');
  });
  it('turns red on a breach nobody has answered yet, and back when it is answered', () => {
    expect(slaState([clock({ status: 'breached', breachedAt: new Date(), dueAt: null }), clock({ metric: 'resolution' })])?.state).toBe('red');
    expect(slaState([clock({ status: 'breached', breachedAt: new Date(), metAt: new Date() }), clock({ metric: 'resolution' })])?.state).toBe('green');
  });
  it('says paused when every live clock is paused', () => {
    expect(slaState([clock({ status: 'paused', dueAt: null })])).toMatchObject({ state: 'green', paused: true, dueAt: null });
  });
  it('is null without clocks', () => {
    expect(slaState([clock({ status: 'met' })])).toBeNull();
  });
});
