// One step of a phone call, recorded inside the inbound transaction (recordInbound holds the
// contact+channel lock, so a call's steps apply one at a time, in whatever order they arrive).
import type { InboundCallEvent } from '../../../channels/types.ts';
import type { Tx } from '../../db/client.ts';
import type { RecordInboundInput, RecordOutcome } from '../inbound/inbound-types.ts';
import type { ClockTimer } from '../sla/sla-clocks.ts';
import { callOutcome, describeCall, mergeCallFacts, needsCallBack } from './call-facts.ts';
import { ensureCallEntry, moveConversation, openCallBack, withdrawCallBack } from './call-conversation.ts';
import { recordVoicemail, type RecordedVoicemail } from './record-voicemail.ts';

export async function recordCallEvent(tx: Tx, input: RecordInboundInput<InboundCallEvent>): Promise<RecordOutcome> {
  const { now } = input;
  const event = input.normalized.call;
  const entry = await ensureCallEntry(tx, input);
  let facts = mergeCallFacts(entry.facts, event, now);
  let conversation = entry.conversation;
  let voicemail: RecordedVoicemail | null = null;
  const { recording } = event;
  if (recording) {
    voicemail = await recordVoicemail(tx, input, { conversationId: conversation.id, recording });
    facts = { ...facts, voicemail: { messageId: voicemail.message.id, recordingId: recording.id, durationSeconds: recording.durationSeconds ?? facts.voicemail?.durationSeconds ?? null } };
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
  } else if (facts.outcome === 'completed' && facts.callbackAt) {
    ({ conversation, timers } = await withdrawCallBack(tx, conversation, { resolve: facts.heldConversation === true, now }));
    delete facts.callbackAt;
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
