// The workspace's channels as agents may see them (for filters, icons and the reply box): never
// their settings, which hold provider credentials; only the templates agents may send.
import type { Deps } from '../../deps.ts';
import type { Viewer } from '../conversations/visibility.ts';
import { replyFilesLimit } from '../messages/store-reply-attachments.ts';
import { parseTwilioSettings } from '../../../channels/twilio/schema.ts';

const TWILIO_KINDS = new Set(['sms', 'whatsapp']);

export async function listChannels(deps: Pick<Deps, 'db' | 'adapterFor'>, viewer: Viewer) {
  const channels = await deps.db.channel.findMany({
    where: { workspaceId: viewer.workspaceId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, name: true, address: true, active: true, settings: true },
  });
  // How many bytes of files a reply may carry here (null: the channel sends no files).
  return channels.map(({ settings, ...c }) => {
    const twilio = TWILIO_KINDS.has(c.kind) ? parseTwilioSettings(settings) : null;
    return {
      ...c,
      maxReplyFileBytes: replyFilesLimit(deps.adapterFor(c.kind).maxOutboundFileBytes),
      // The approved templates agents may send here (never the credentials beside them).
      templates: twilio?.ok ? twilio.settings.templates : [],
    };
  });
}
