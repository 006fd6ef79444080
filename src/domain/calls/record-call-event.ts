// One step of a phone call, recorded inside the inbound transaction (recordInbound holds the
// contact+channel lock, so a call's steps apply one at a time, in whatever order they arrive).
import type { CallEvent } from '../../../channels/types.ts';
import type { Tx } from '../../db/client.ts';
import type { RecordInboundInput, RecordOutcome } from '../inbound/record-inbound.ts';
import type { ClockTimer } from '../sla/sla-clocks.ts';
import { callOutcome, describeCall, mergeCallFacts, needsCallBack } from './call-facts.ts';
import { ensureCallEntry, moveConversation, openCallBack } from './call-conversation.ts';
import { recordVoicemail } from './record-voicemail.ts';

export async function recordCallEvent(tx: Tx, input: RecordInboundInput, event: CallEvent): Promise<RecordOutcome> {
  const { now } = input;
  const entry = await ensureCallEntry(tx, input, event);
  let facts = mergeCallFacts(entry.facts, event, now);
  let conversation = entry.conversation;
  const voicemail = event.recording ? await recordVoicemail(tx, input, conversation.id, event) : null;
  if (voicemail) {
    facts = { ...facts, voicemail: { messageId: voicemail.message.id, recordingId: event.recording!.id, durationSeconds: event.recording!.durationSeconds ?? facts.voicemail?.durationSeconds ?? null } };
    facts.outcome = callOutcome(facts);
  }
  if (event.menu) {
    const attributes = { ...((conversation.attributes ?? {}) as Record<string, unknown>), menu: event.menu };
    conversation = await tx.conversation.update({ where: { id: conversation.id }, data: { attributes } });
  }
  let timers: ClockTimer[] = [];
  let needsRouting = false;
  if (needsCallBack(facts.outcome) && !facts.callbackAt) {
    ({ conversation, timers } = await openCallBack(tx, conversation, { messageId: voicemail?.message.id ?? entry.message.id, now }));
    facts.callbackAt = now.toISOString();
    needsRouting = conversation.assigneeId === null;
  } else if (facts.outcome === 'completed' && facts.heldConversation && conversation.status === 'pending') {
    ({ conversation, timers } = await moveConversation(tx, conversation, 'resolved', now));
  }
  await tx.message.update({
    where: { id: entry.message.id },
    data: { text: describeCall(facts), metadata: { ...((entry.message.metadata ?? {}) as Record<string, unknown>), call: { ...facts } } },
  });
  return {
    status: 'processed',
    messageId: voicemail?.message.id ?? entry.message.id,
    conversationId: conversation.id,
    conversationCreated: entry.conversationCreated,
    reopened: false,
    needsRouting,
    slaTimers: timers,
    messageCreated: voicemail ? voicemail.created : entry.messageCreated,
    updatedMessageIds: voicemail ? [entry.message.id] : [],
  };
}
