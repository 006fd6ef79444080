// A customer's message on a channel where surveys are answered in the conversation ('reply'
// style): while a survey of theirs on this channel awaits an answer, a message that reads as a
// score 1-5 is that answer; after a score, a free-text message within COMMENT_WINDOW_MINUTES is its
// comment. Either is kept in the timeline but neither reopens the conversation nor asks anyone to
// answer. Anything else: null, and the message is recorded as any other.
import type { InboundMessage } from '../../../channels/types.ts';
import type { CsatSurvey, Tx } from '../../db/client.ts';
import type { ConversationEventView } from '../conversations/conversation-event-view.ts';
import { createInboundMessage } from '../inbound/create-inbound-message.ts';
import type { RecordInboundInput, RecordOutcome } from '../inbound/inbound-types.ts';
import { parseCsatReply } from './parse-csat-reply.ts';
import { recordCsatAnswer, recordCsatComment } from './record-csat-event.ts';

export const COMMENT_WINDOW_MINUTES = 30;

export async function recordCsatReply(tx: Tx, input: RecordInboundInput<InboundMessage>): Promise<RecordOutcome | null> {
  const { channel, contactId, now, normalized: n } = input;
  const mine = { channelId: channel.id, contactId, style: 'reply' };
  const awaiting = await tx.csatSurvey.findFirst({ where: { ...mine, status: 'sent', expiresAt: { gt: now } }, orderBy: { sentAt: 'desc' } });
  if (awaiting) {
    const answer = parseCsatReply(n.text);
    if (!answer) return null;
    return recordOnSurvey(tx, input, awaiting, () => recordCsatAnswer(tx, awaiting, { ...answer, at: now }));
  }
  const commentSince = new Date(now.getTime() - COMMENT_WINDOW_MINUTES * 60_000);
  const scored = await tx.csatSurvey.findFirst({ where: { ...mine, status: 'answered', comment: null, answeredAt: { gt: commentSince } }, orderBy: { answeredAt: 'desc' } });
  const comment = n.text.trim();
  if (!scored || scored.score === null || comment === '' || input.attachments.length > 0 || parseCsatReply(comment)) return null;
  const score = scored.score;
  return recordOnSurvey(tx, input, scored, () => recordCsatComment(tx, { ...scored, score }, comment, now));
}

async function recordOnSurvey(tx: Tx, input: RecordInboundInput<InboundMessage>, survey: CsatSurvey, record: () => Promise<ConversationEventView | null>): Promise<RecordOutcome | null> {
  const activity = await record();
  if (!activity) return null;
  const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: survey.conversationId } });
  const message = await createInboundMessage(tx, input, conversation);
  await tx.message.update({ where: { id: message.id }, data: { metadata: { ...(message.metadata as object), csat: { surveyId: survey.id } } } });
  await tx.conversation.update({ where: { id: conversation.id }, data: { messageCount: { increment: 1 }, lastMessageAt: input.now, lastInboundAt: input.now } });
  return { status: 'processed', messageId: message.id, conversationId: conversation.id, conversationCreated: false, reopened: false, needsRouting: false, slaTimers: [], activity: [activity] };
}
