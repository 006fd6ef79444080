// A 'link' survey's message is stored with a placeholder where the link goes: the link is made,
// with a fresh random token (only its sha256 is kept, on the survey), when the deliver worker
// hands the message to the channel. So agents never see a working link in the timeline (they
// could answer for the customer), and a retried send's new link replaces the one that failed. The
// chat widget's history (read by the visitor, the customer) gets a fresh link the same way.
import type { Db } from '../../db/client.ts';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.ts';

export const SURVEY_LINK_PLACEHOLDER = '[survey link]';

/** Shown to the customer in place of the link once the survey takes no answer any more. */
export const SURVEY_CLOSED = '(this survey is closed)';

const surveyOf = (metadata: unknown): string | null => {
  const csat = (metadata as { csat?: { surveyId?: unknown; link?: unknown } } | null)?.csat;
  return csat?.link === true && typeof csat.surveyId === 'string' ? csat.surveyId : null;
};

/** The text as the customer gets it: with a working link in place of the placeholder while the survey takes answers (the previous link stops working). */
export async function withSurveyLink(db: Db, message: { text: string; metadata: unknown }, publicUrl: string, now: Date): Promise<string> {
  const surveyId = surveyOf(message.metadata);
  if (!surveyId) return message.text;
  const token = newSecretToken();
  const { count } = await db.csatSurvey.updateMany({ where: { id: surveyId, status: 'sent', expiresAt: { gt: now } }, data: { tokenHash: hashSecretToken(token) } });
  return message.text.replaceAll(SURVEY_LINK_PLACEHOLDER, count === 0 ? SURVEY_CLOSED : `${publicUrl.replace(/\/+$/, '')}/csat/${token}`);
}
