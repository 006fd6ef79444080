// A survey's timeline entries (sent, not sent, answered, commented) and how an answer is stored:
// shared by the sender, the survey page and replies on the conversation.
import type { CsatSurvey, Tx } from '../../db/client.ts';
import type { CsatActivity, ConversationEventView } from '../conversations/conversation-event-view.ts';
import { recordConversationEvent } from '../conversations/record-conversation-event.ts';

export function recordCsatEvent(tx: Tx, survey: Pick<CsatSurvey, 'workspaceId' | 'conversationId'>, at: Date, data: CsatActivity): Promise<ConversationEventView> {
  return recordConversationEvent(tx, { workspaceId: survey.workspaceId, conversationId: survey.conversationId, actorAgentId: null, at, activity: { kind: 'csat', data } });
}

/** Stores the score (and a comment, if any) of a survey still open for answers, once. Null when it was answered meanwhile. */
export async function recordCsatAnswer(tx: Tx, survey: CsatSurvey, answer: { score: number; comment: string | null; at: Date }): Promise<ConversationEventView | null> {
  const comment = answer.comment?.trim() || null;
  const { count } = await tx.csatSurvey.updateMany({ where: { id: survey.id, status: 'sent' }, data: { status: 'answered', score: answer.score, comment, answeredAt: answer.at } });
  if (count === 0) return null;
  return recordCsatEvent(tx, survey, answer.at, { outcome: 'answered', surveyId: survey.id, score: answer.score, comment });
}

/** Adds the comment that followed a reply's score. */
export async function recordCsatComment(tx: Tx, survey: CsatSurvey & { score: number }, comment: string, at: Date): Promise<ConversationEventView | null> {
  const { count } = await tx.csatSurvey.updateMany({ where: { id: survey.id, status: 'answered', comment: null }, data: { comment } });
  if (count === 0) return null;
  return recordCsatEvent(tx, survey, at, { outcome: 'commented', surveyId: survey.id, score: survey.score, comment });
}
