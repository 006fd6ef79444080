// Admins point a provider at the channel's webhook from Parley where the provider lets us
// (Telegram's setWebhook): settings the provider must echo (a secret) are saved first, so no
// update can arrive with one we do not know.
import { webhookUrl } from '../../../channels/webhook-url.ts';
import type { Prisma } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { forgetChannel } from '../inbound/webhook-channel-cache.ts';

export async function registerChannelWebhook(deps: Deps, viewer: Viewer, input: { channelId: string; publicUrl: string; kind?: string }) {
  requireAdmin(viewer, 'register a webhook');
  const channel = await deps.db.channel.findFirst({ where: { id: input.channelId, workspaceId: viewer.workspaceId, ...(input.kind ? { kind: input.kind } : {}) } });
  if (!channel) throw notFound('Channel');
  const adapter = deps.adapterFor(channel.kind);
  const url = webhookUrl(input.publicUrl, channel.kind, channel.id);
  const registration = adapter.webhook?.registration;
  if (!registration) throw new AppError('unprocessable', `${adapter.label} channels are pointed at Parley in the provider's own console${adapter.webhook ? `: use ${url}` : ''}`);
  let settings = channel.settings;
  const patch = registration.prepare(settings);
  if (patch) {
    settings = { ...(settings as Prisma.JsonObject), ...patch } as Prisma.JsonObject;
    await deps.db.channel.update({ where: { id: channel.id }, data: { settings } });
    forgetChannel(deps.db, channel.id);
  }
  const verdict = await registration.register(settings, url);
  if (!verdict.ok) throw new AppError('unprocessable', verdict.reason);
  await recordAudit(deps.db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'channel.webhook.register', targetType: 'channel', targetId: channel.id, data: { url } });
  return { url, registered: true };
}
