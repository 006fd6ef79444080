// What Parley knows about one call, gathered from its steps (which arrive in any order), and what
// follows from it: the outcome agents see and whether the caller needs a call back.
import type { CallEvent, CallOutcome } from '../../../channels/types.ts';

export interface CallFacts {
  callId: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  startedAt: string;
  menu?: string;
  connected?: boolean;
  ended?: NonNullable<CallEvent['ended']>;
  durationSeconds?: number | null;
  endedAt?: string;
  voicemail?: { messageId: string; recordingId: string; durationSeconds: number | null };
  outcome: CallOutcome | null;
  /** This call set its conversation to pending while it lasted (so an answered call resolves it). */
  heldConversation?: boolean;
  /** When this call opened a call-back case. */
  callbackAt?: string;
}

export function readCallFacts(metadata: unknown): CallFacts | null {
  const call = (metadata as { call?: CallFacts } | null)?.call;
  return call && typeof call.callId === 'string' ? call : null;
}

/** Adds one step's facts; a later step never erases what an earlier one said. */
export function mergeCallFacts(prev: CallFacts, event: CallEvent, now: Date): CallFacts {
  const next: CallFacts = { ...prev };
  if (event.menu !== undefined) next.menu = event.menu;
  if (event.connected !== undefined) next.connected = next.connected === true || event.connected;
  if (event.ended !== undefined) {
    next.ended = event.ended;
    next.durationSeconds = event.durationSeconds ?? null;
    next.endedAt = next.endedAt ?? now.toISOString();
  }
  next.outcome = callOutcome(next);
  return next;
}

export function callOutcome(f: Pick<CallFacts, 'voicemail' | 'ended' | 'connected'>): CallOutcome | null {
  if (f.voicemail) return 'voicemail';
  switch (f.ended) {
    case undefined:
      return null;
    case 'completed':
      // The call ended without anyone answering: the caller gave up (in the menu or on hold).
      return f.connected ? 'completed' : 'abandoned';
    case 'canceled':
      return 'abandoned';
    default:
      return f.ended;
  }
}

/** Every call nobody took ends as a case for an agent to call back. */
export function needsCallBack(outcome: CallOutcome | null): boolean {
  return outcome !== null && outcome !== 'completed';
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** The call's line in the timeline. */
export function describeCall(f: CallFacts): string {
  const menu = f.menu ? ` · menu ${f.menu}` : '';
  const duration = f.durationSeconds ? ` · ${clock(f.durationSeconds)}` : '';
  const word = f.direction === 'inbound' ? 'call' : 'outbound call';
  switch (f.outcome) {
    case null:
      return `Incoming ${word} from ${f.from}${menu}`;
    case 'completed':
      return `Answered ${word}${menu}${duration}`;
    case 'voicemail':
      return `Missed ${word}${menu} · voicemail left${f.voicemail?.durationSeconds ? ` (${clock(f.voicemail.durationSeconds)})` : ''}`;
    case 'abandoned':
      return `Abandoned ${word}${menu}: the caller hung up before anyone answered${duration}`;
    case 'no-answer':
    case 'busy':
    case 'failed':
      return `Missed ${word}${menu} (${f.outcome})`;
  }
}
