// What the timeline says about snoozes with a reason and about macros, and what the agent is told
// after applying a macro.
import { describe, expect, it } from 'vitest';
import type { ApplyMacroResult, ConversationEvent } from '../../src/api/types.ts';
import { activityText } from '../../src/conversation/activity-text.ts';
import { macroOutcome } from '../../src/conversation/macro-outcome.ts';
import { conversationSummary } from '../support/conversation-summary.ts';

const ada = { id: 'a1', name: 'Ada Agent' };
const entry = (e: Pick<ConversationEvent, 'kind' | 'data'> & { actor?: ConversationEvent['actor'] }): ConversationEvent =>
  ({ id: 'e1', conversationId: 'c1', actor: null, createdAt: '2026-03-02T09:00:00.000Z', ...e }) as ConversationEvent;
const at = (iso: string) => `at ${iso.slice(11, 16)}`;

describe('snooze reasons and macros in the timeline', () => {
  it('gives the reason on the snooze and on the way back', () => {
    expect(activityText(entry({ kind: 'status', actor: ada, data: { from: 'open', to: 'snoozed', label: 'Snoozed', snoozedUntil: '2026-03-02T10:00:00.000Z', snoozeReason: 'Courier' } }), at)).toBe(
      'Ada Agent snoozed the conversation until at 10:00: Courier',
    );
    expect(activityText(entry({ kind: 'status', data: { from: 'snoozed', to: 'open', label: 'Open', snoozedUntil: null, snoozeReason: 'Courier' } }), at)).toBe('Back from snooze: Courier');
    expect(activityText(entry({ kind: 'status', data: { from: 'snoozed', to: 'open', label: 'Open', snoozedUntil: null } }), at)).toBe('Snooze ended: open again');
  });

  it('names the macro and the actions that ran and were refused', () => {
    expect(activityText(entry({ kind: 'macro', actor: ada, data: { macro: { id: 'm', name: 'Refund sent' }, applied: ['reply', 'addTags'], failed: ['assign'] } }), at)).toBe(
      'Ada Agent applied the macro Refund sent (reply, add tags); refused: assign',
    );
  });

  it('tells the agent how many actions ran and why one was refused', () => {
    const result = (results: ApplyMacroResult['results']): ApplyMacroResult => ({ macro: { id: 'm', name: 'Hand over' }, results, conversation: conversationSummary('c1') });
    expect(macroOutcome(result([{ index: 0, type: 'setPriority', ok: true }]))).toEqual({ text: 'Hand over: 1 of 1 action applied', refused: false });
    expect(macroOutcome(result([{ index: 0, type: 'assign', ok: false, error: { code: 'forbidden', message: 'Agents may take unassigned conversations' } }, { index: 1, type: 'setStatus', ok: true }]))).toEqual({
      text: 'Hand over: 1 of 2 actions applied. Assign refused (Agents may take unassigned conversations)',
      refused: true,
    });
  });
});
