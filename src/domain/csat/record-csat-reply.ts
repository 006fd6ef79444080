// A customer's message on a channel where surveys are answered in the conversation ('reply'
// style): while their latest survey on this channel awaits an answer, a message that reads as a
// score 1-5 is that answer; after a score, a free-text message within COMMENT_WINDOW_MINUTES is its
// comment. Either is kept in the timeline but neither reopens the conversation nor asks anyone to
// answer. Anything else: null, and the message is recorded as any other.
import { adapterFor } from '../../../channels/registry.ts';
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
  // Only channels whose surveys are answered in the conversation take one (email and chat answer on a page).
  if (adapterFor(channel.kind).survey !== 'reply') return null;
  // Only the contact's latest survey on this channel takes a reply: an older one left unanswered is not answered by it.
  const latest = await tx.csatSurvey.findFirst({ where: { channelId: channel.id, contactId, style: 'reply', sentAt: { not: null } }, orderBy: { sentAt: 'desc' } });
  if (!latest) return null;
  const taken = surveyTakesReply(latest, { text: n.text, attachments: input.attachments.length, now });
  if (taken === 'answer') {
    const answer = parseCsatReply(n.text)!;
    return recordOnSurvey(tx, input, latest, () => recordCsatAnswer(tx, latest, { ...answer, at: now }));
  }
  if (taken !== 'comment') return null;
  const scored = { ...latest, score: latest.score! };
  return recordOnSurvey(tx, input, scored, () => recordCsatComment(tx, scored, n.text.trim(), now));
}

type SurveyState = Pick<CsatSurvey, 'status' | 'expiresAt' | 'comment' | 'score' | 'answeredAt'>;

/**
 * Whether the contact's latest reply-style survey takes this message as its answer or its comment
 * (pure: the plain-SQL ingest path asks it too, and leaves such a message to this module).
 */
export function surveyTakesReply(latest: SurveyState, m: { text: string; attachments: number; now: Date }): 'answer' | 'comment' | null {
  if (latest.status === 'sent' && latest.expiresAt && latest.expiresAt > m.now) return parseCsatReply(m.text) ? 'answer' : null;
  const comment = m.text.trim();
  const commentSince = m.now.getTime() - COMMENT_WINDOW_MINUTES * 60_000;
  const commentable = latest.status === 'answered' && latest.comment === null && latest.score !== null && latest.answeredAt !== null && latest.answeredAt.getTime() > commentSince;
  if (!commentable || comment === '' || m.attachments > 0 || parseCsatReply(comment)) return null;
  return 'comment';
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
