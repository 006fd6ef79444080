// A 'link' survey's message is stored with a placeholder where the link goes: the link is made,
// with a fresh random token (only its sha256 is kept, on the survey), when the deliver worker
// hands the message to the channel. So agents never see a working link in the timeline (they
// could answer for the customer), and a retried send's new link replaces the one that failed.
import type { Db } from '../../db/client.ts';
import { hashSecretToken, newSecretToken } from '../auth/secret-token.ts';

export const SURVEY_LINK_PLACEHOLDER = '[survey link]';

/** The text to send: with the survey's link in place of the placeholder, when the message is a link survey still open. */
export async function withSurveyLink(db: Db, message: { text: string; metadata: unknown }, publicUrl: string): Promise<string> {
  const csat = (message.metadata as { csat?: { surveyId?: unknown; link?: unknown } } | null)?.csat;
  if (csat?.link !== true || typeof csat.surveyId !== 'string') return message.text;
  const token = newSecretToken();
  const { count } = await db.csatSurvey.updateMany({ where: { id: csat.surveyId, status: 'sent' }, data: { tokenHash: hashSecretToken(token) } });
  if (count === 0) return message.text;
  return message.text.replaceAll(SURVEY_LINK_PLACEHOLDER, `${publicUrl.replace(/\/+$/, '')}/csat/${token}`);
}
