// The csat worker's one domain call: send a scheduled survey on the conversation's own channel,
// through the normal outbound path (a queued outbound message marked as a survey), unless by now
// it should not go: the conversation was reopened, surveys were turned off, the contact had one
// recently (throttle) or cannot be written to (opted out). A skipped survey says why.
import type { CsatSurvey } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { SURVEY_LINK_PLACEHOLDER } from './survey-link.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { createOutboundMessage, dispatchOutbound, outboundTarget } from '../messages/outbound-message.ts';
import { loadCsatSettings } from './csat-settings.ts';
import type { CsatSkipReason } from './csat-view.ts';
import { recordCsatEvent } from './record-csat-event.ts';

export type SendCsatOutcome = { status: 'sent'; messageId: string } | { status: 'skipped'; reason: CsatSkipReason | string };

export async function sendCsatSurvey(deps: Deps, surveyId: string): Promise<SendCsatOutcome> {
  const { db } = deps;
  const survey = await db.csatSurvey.findUnique({ where: { id: surveyId } });
  if (!survey || survey.status !== 'scheduled') return { status: 'skipped', reason: survey ? `already ${survey.status}` : 'no such survey' };
  const conversation = await db.conversation.findUniqueOrThrow({ where: { id: survey.conversationId } });
  if (conversation.status !== 'resolved' || conversation.resolvedAt?.getTime() !== survey.resolvedAt.getTime()) return skip(deps, survey, 'reopened');
  const settings = await loadCsatSettings(db, survey.workspaceId);
  if (!settings.enabled || !settings.channelKinds.includes(survey.channelKind)) return skip(deps, survey, 'disabled');
  const now = deps.clock.now();
  if (settings.throttleDays > 0) {
    const since = new Date(now.getTime() - settings.throttleDays * 86_400_000);
    const recent = await db.csatSurvey.findFirst({ where: { contactId: survey.contactId, id: { not: survey.id }, sentAt: { gte: since } }, select: { id: true } });
    if (recent) return skip(deps, survey, 'throttled');
  }
  const target = await outboundTarget(deps, conversation);
  if ('refusal' in target) return skip(deps, survey, target.optedOut ? 'opted_out' : 'unreachable');
  const verdict = target.adapter.checkOutbound?.({ now, to: { address: target.identity.address }, lastInboundAt: conversation.lastInboundAt, template: null });
  if (verdict && !verdict.ok) return skip(deps, survey, 'unreachable');

  const link = survey.style === 'link';
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: survey.workspaceId }, select: { name: true } });
  const text = surveyText({ question: settings.question, workspaceName: workspace.name, link });
  const written = await db.$transaction(async (tx) => {
    const claimed = await tx.csatSurvey.updateMany({
      where: { id: survey.id, status: 'scheduled' },
      data: { status: 'sent', sentAt: now, expiresAt: new Date(now.getTime() + settings.responseWindowHours * 3_600_000) },
    });
    if (claimed.count === 0) return null;
    const message = await createOutboundMessage(tx, { conversation, target, authorAgentId: null, text, metadata: { csat: { surveyId: survey.id, link } } });
    await tx.csatSurvey.update({ where: { id: survey.id }, data: { messageId: message.id } });
    await tx.conversation.update({ where: { id: conversation.id }, data: { lastOutboundAt: now, lastMessageAt: now, messageCount: { increment: 1 } } });
    const activity = await recordCsatEvent(tx, survey, now, { outcome: 'sent', surveyId: survey.id, style: survey.style as 'link' | 'reply' });
    return { message, activity };
  });
  if (!written) return { status: 'skipped', reason: 'sent meanwhile' };
  await dispatchOutbound(deps, written.message);
  await publishConversation(deps, conversation.id, 'conversation.updated', { activity: [written.activity] });
  return { status: 'sent', messageId: written.message.id };
}

/** The survey message: a link to the survey page (made when it is sent, survey-link.ts), or a request to answer 1-5 in the conversation. */
export function surveyText(i: { question: string; workspaceName: string; link: boolean }): string {
  if (i.link) return `${i.question}\n\nPlease rate your conversation with ${i.workspaceName} from 1 to 5 here (one click, no login): ${SURVEY_LINK_PLACEHOLDER}`;
  return `${i.question} Reply with a number from 1 (poor) to 5 (excellent); you can add a comment.`;
}

async function skip(deps: Pick<Deps, 'db' | 'clock' | 'publisher'>, survey: CsatSurvey, reason: CsatSkipReason): Promise<SendCsatOutcome> {
  const now = deps.clock.now();
  const activity = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.csatSurvey.updateMany({ where: { id: survey.id, status: 'scheduled' }, data: { status: 'skipped', skipReason: reason } });
    return count === 0 ? null : recordCsatEvent(tx, survey, now, { outcome: 'skipped', surveyId: survey.id, reason });
  });
  if (activity) await publishConversation(deps, survey.conversationId, 'conversation.updated', { activity: [activity] });
  return { status: 'skipped', reason };
}

/** Sends the scheduled surveys whose time has passed but whose job never ran (Redis was away when they were scheduled). */
export async function sweepDueSurveys(deps: Pick<Deps, 'db' | 'queues' | 'clock'>, opts: { staleSeconds: number; limit?: number }): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - opts.staleSeconds * 1000);
  const due = await deps.db.csatSurvey.findMany({ where: { status: 'scheduled', scheduledFor: { lt: before } }, select: { id: true }, orderBy: { scheduledFor: 'asc' }, take: opts.limit ?? 500 });
  let queued = 0;
  for (const s of due) if (await deps.queues.requeue('csat', { surveyId: s.id })) queued++;
  return queued;
}
