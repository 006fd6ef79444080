// The timeline's order: messages as the conversation has them, each activity entry just before the
// first message written after it (and entries newer than every message at the end).
import type { ConversationEvent } from '../api/types.ts';
import type { TimelineMessage } from './use-conversation.ts';

export type TimelineEntry = { type: 'message'; m: TimelineMessage } | { type: 'activity'; e: ConversationEvent };

/** `events` oldest first; times are ISO strings in UTC, so they compare as text. */
export function mergeTimeline(messages: readonly TimelineMessage[], events: readonly ConversationEvent[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let i = 0;
  for (const m of messages) {
    while (i < events.length && events[i]!.createdAt <= m.createdAt) out.push({ type: 'activity', e: events[i++]! });
    out.push({ type: 'message', m });
  }
  while (i < events.length) out.push({ type: 'activity', e: events[i++]! });
  return out;
}
