// The Telegram edge shared by the webhook and long polling: keep what admitTelegramUpdate admits
// as an InboundEvent (a duplicate delivery is ignored there), acknowledge the rest.
import type { Db } from '../../src/db/client.ts';
import { acceptInboundEvent, type AcceptInboundResult } from '../../src/domain/inbound/accept-inbound-event.ts';
import type { Logger } from '../../src/log.ts';
import type { Queues } from '../../src/queues.ts';
import { admitTelegramUpdate } from './admit-update.ts';
import type { TelegramSettings } from './schema.ts';

export type UpdateOutcome = ({ stored: true } & AcceptInboundResult) | { stored: false; reason: string };

export async function acceptTelegramUpdate(
  deps: { db: Db; queues: Queues; log: Logger },
  input: { channel: { id: string; workspaceId: string }; settings: Pick<TelegramSettings, 'allowGroups'>; update: unknown },
): Promise<UpdateOutcome> {
  const admission = admitTelegramUpdate(input.update, input.settings);
  if (!admission.admit) {
    deps.log.debug({ channelId: input.channel.id, reason: admission.reason }, 'telegram update ignored');
    return { stored: false, reason: admission.reason };
  }
  const accepted = await acceptInboundEvent(deps, { workspaceId: input.channel.workspaceId, channelId: input.channel.id, externalId: admission.externalId, payload: input.update });
  return { stored: true, ...accepted };
}
