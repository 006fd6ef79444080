// A voicemail is a message from the caller: the recording as an attachment (downloaded by the
// media worker) and the transcription as its text once Twilio delivers it. Keyed by the
// recording id, so the recording and its transcription may arrive in either order.
import type { CallEvent, InboundCallEvent } from '../../../channels/types.ts';
import type { Message, Tx } from '../../db/client.ts';
import type { RecordInboundInput } from '../inbound/inbound-types.ts';

export interface RecordedVoicemail {
  message: Message;
  created: boolean;
}

export async function recordVoicemail(
  tx: Tx,
  input: RecordInboundInput<InboundCallEvent>,
  target: { conversationId: string; recording: NonNullable<CallEvent['recording']> },
): Promise<RecordedVoicemail> {
  const { conversationId, recording } = target;
  const { channel, now, normalized: { call: event } } = input;
  const existing = await tx.message.findUnique({ where: { channelId_externalId: { channelId: channel.id, externalId: recording.id } } });
  const durationSeconds = recording.durationSeconds ?? voicemailOf(existing?.metadata)?.durationSeconds ?? null;
  const transcription = event.step === 'transcription' ? (event.transcription === null ? 'failed' : 'completed') : (voicemailOf(existing?.metadata)?.transcription ?? 'pending');
  const metadata = { voicemail: { callId: event.callId, durationSeconds, transcription } };
  if (existing) {
    if (event.step !== 'transcription') return { message: existing, created: false };
    const message = await tx.message.update({ where: { id: existing.id }, data: { text: voicemailText(event, durationSeconds), metadata } });
    return { message, created: false };
  }
  const message = await tx.message.create({
    data: {
      workspaceId: channel.workspaceId,
      conversationId,
      channelId: channel.id,
      direction: 'in',
      kind: 'message',
      authorContactId: input.contactId,
      text: voicemailText(event, durationSeconds),
      externalId: recording.id,
      metadata,
      attachments: { create: input.attachments.map((a) => ({ ...a, workspaceId: channel.workspaceId })) },
    },
  });
  await tx.conversation.update({ where: { id: conversationId }, data: { messageCount: { increment: 1 }, lastMessageAt: now } });
  return { message, created: true };
}

function voicemailOf(metadata: unknown): { durationSeconds: number | null; transcription: string } | undefined {
  return (metadata as { voicemail?: { durationSeconds: number | null; transcription: string } } | null | undefined)?.voicemail;
}

function voicemailText(event: CallEvent, durationSeconds: number | null): string {
  if (event.transcription) return event.transcription;
  const label = `Voicemail${durationSeconds ? ` (${durationSeconds} s)` : ''}`;
  return event.transcription === null ? `${label}; it could not be transcribed` : `${label}; transcription pending`;
}
