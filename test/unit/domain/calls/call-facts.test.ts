// How a call's outcome follows from its steps, whatever order they arrive in.
import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../../channels/types.ts';
import { callOutcome, describeCall, mergeCallFacts, needsCallBack, type CallFacts } from '../../../../src/domain/calls/call-facts.ts';

const now = new Date('2026-11-23T12:00:00Z');
const start: CallFacts = { callId: 'CA1', direction: 'inbound', from: '+14155550142', to: '+14155550300', startedAt: now.toISOString(), outcome: null };
const step = (s: Partial<CallEvent> & Pick<CallEvent, 'step'>): CallEvent => ({ callId: 'CA1', direction: 'inbound', ...s });
const apply = (...events: CallEvent[]) => events.reduce((f, e) => mergeCallFacts(f, e, now), start);

describe('call outcome', () => {
  it('is unknown while the call lasts', () => {
    expect(apply(step({ step: 'started' }), step({ step: 'menu', menu: '1' })).outcome).toBeNull();
  });

  it('is completed when someone answered, abandoned when the caller hung up first', () => {
    expect(apply(step({ step: 'connect', connected: true }), step({ step: 'ended', ended: 'completed', durationSeconds: 60 })).outcome).toBe('completed');
    expect(apply(step({ step: 'ended', ended: 'completed', durationSeconds: 8 })).outcome).toBe('abandoned');
    expect(apply(step({ step: 'ended', ended: 'canceled' })).outcome).toBe('abandoned');
  });

  it('is the provider’s status for calls that never connected', () => {
    expect(apply(step({ step: 'ended', ended: 'busy' })).outcome).toBe('busy');
    expect(apply(step({ step: 'ended', ended: 'no-answer' })).outcome).toBe('no-answer');
    expect(apply(step({ step: 'ended', ended: 'failed' })).outcome).toBe('failed');
  });

  it('is voicemail once a message was left, before or after the call ended', () => {
    const ended = apply(step({ step: 'connect', connected: false }), step({ step: 'ended', ended: 'completed', durationSeconds: 40 }));
    expect(callOutcome({ ...ended, voicemail: { messageId: 'm', recordingId: 'RE1', durationSeconds: 12 } })).toBe('voicemail');
    expect(callOutcome({ voicemail: { messageId: 'm', recordingId: 'RE1', durationSeconds: 12 } })).toBe('voicemail');
  });

  it('does not forget an answer when a later step reports none', () => {
    expect(apply(step({ step: 'connect', connected: true }), step({ step: 'connect', connected: false })).connected).toBe(true);
  });

  it('asks for a call back for every call nobody took', () => {
    expect((['no-answer', 'busy', 'failed', 'voicemail', 'abandoned'] as const).every(needsCallBack)).toBe(true);
    expect(needsCallBack('completed')).toBe(false);
    expect(needsCallBack(null)).toBe(false);
  });

  it('describes the call for the timeline', () => {
    expect(describeCall(apply(step({ step: 'started' })))).toBe('Incoming call from +14155550142');
    expect(describeCall(apply(step({ step: 'menu', menu: '2' }), step({ step: 'connect', connected: true }), step({ step: 'ended', ended: 'completed', durationSeconds: 185 })))).toBe('Answered call · menu 2 · 3:05');
    expect(describeCall(apply(step({ step: 'ended', ended: 'busy' })))).toBe('Missed call (busy)');
  });
});
