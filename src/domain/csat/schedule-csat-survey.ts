// On a conversation's resolution: a survey row for this resolution, and a delayed job that sends
// it (send-csat-survey.ts decides then whether it still should). Nothing when surveys are off or
// the conversation's channel does not carry them.
import type { Deps } from '../../deps.ts';
import { loadCsatSettings } from './csat-settings.ts';

export async function scheduleCsatSurvey(deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log' | 'adapterFor'>, conversationId: string): Promise<string | null> {
  const { db } = deps;
  const c = await db.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { channel: { select: { kind: true } } } });
  if (c.status !== 'resolved' || !c.resolvedAt) return null;
  const settings = await loadCsatSettings(db, c.workspaceId);
  const style = deps.adapterFor(c.channel.kind).survey;
  if (!settings.enabled || !style || !settings.channelKinds.includes(c.channel.kind)) return null;
  const existing = await db.csatSurvey.findFirst({ where: { conversationId: c.id, resolvedAt: c.resolvedAt }, select: { id: true } });
  if (existing) return existing.id;
  const delay = settings.delayMinutes * 60_000;
  const survey = await db.csatSurvey.create({
    data: {
      workspaceId: c.workspaceId,
      conversationId: c.id,
      contactId: c.contactId,
      channelId: c.channelId,
      channelKind: c.channel.kind,
      agentId: c.assigneeId,
      teamId: c.teamId,
      style,
      resolvedAt: c.resolvedAt,
      scheduledFor: new Date(deps.clock.now().getTime() + delay),
    },
  });
  await deps.queues.enqueue('csat', { surveyId: survey.id }, { delay }).catch((err: unknown) => {
    // The row stays scheduled; the maintenance sweep sends the ones whose time has passed.
    deps.log.warn({ err, surveyId: survey.id }, 'csat queue unavailable');
  });
  return survey.id;
}
