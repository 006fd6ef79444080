// The survey page a 'link' survey opens (/csat/<token>, no login): what it asks, and the answer.
// The token is random (only its sha256 is stored) and works once, within the response window; an
// unknown, answered or expired link gets one answer, so links cannot be probed.
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { hashSecretToken } from '../auth/secret-token.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import type { CsatAnswerInput } from './csat-schema.ts';
import { loadCsatSettings } from './csat-settings.ts';
import type { CsatPageView } from './csat-view.ts';
import { recordCsatAnswer } from './record-csat-event.ts';

const spent = () => new AppError('not_found', 'This survey has expired or was already answered');

async function liveSurvey(deps: Pick<Deps, 'db' | 'clock'>, token: string) {
  const survey = await deps.db.csatSurvey.findUnique({ where: { tokenHash: hashSecretToken(token) }, include: { workspace: { select: { name: true } } } });
  if (!survey || survey.status !== 'sent' || !survey.expiresAt || survey.expiresAt <= deps.clock.now()) throw spent();
  return survey;
}

export async function readCsatLink(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<CsatPageView> {
  const survey = await liveSurvey(deps, token);
  const settings = await loadCsatSettings(deps.db, survey.workspaceId);
  return { workspaceName: survey.workspace.name, question: settings.question };
}

export async function answerCsatLink(deps: Pick<Deps, 'db' | 'clock' | 'publisher'>, token: string, answer: CsatAnswerInput): Promise<{ score: number; workspaceName: string }> {
  const { workspace, ...survey } = await liveSurvey(deps, token);
  const now = deps.clock.now();
  const activity = await deps.db.$transaction((tx) => recordCsatAnswer(tx, survey, { score: answer.score, comment: answer.comment ?? null, at: now }));
  // Answered by another request at the same moment: the link is spent.
  if (!activity) throw spent();
  await publishConversation(deps, survey.conversationId, 'conversation.updated', { activity: [activity] });
  return { score: answer.score, workspaceName: workspace.name };
}
