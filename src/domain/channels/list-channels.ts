// The workspace's channels as agents may see them (for filters, icons and the reply box): never
// their settings, which hold provider credentials; only the templates agents may send.
import type { Deps } from '../../deps.ts';
import type { Viewer } from '../auth/viewer.ts';
import { replyFilesLimit } from '../messages/store-reply-attachments.ts';
import type { ChannelView } from './channel-view.ts';

export async function listChannels(deps: Pick<Deps, 'db' | 'adapterFor'>, viewer: Viewer): Promise<ChannelView[]> {
  const channels = await deps.db.channel.findMany({
    where: { workspaceId: viewer.workspaceId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, name: true, address: true, active: true, settings: true },
  });
  // How many bytes of files a reply may carry here (null: the channel sends no files).
  return channels.map(({ settings, ...c }) => {
    const adapter = deps.adapterFor(c.kind);
    return {
      ...c,
      maxReplyFileBytes: replyFilesLimit(adapter.maxOutboundFileBytes),
      // The approved templates agents may send here (never the credentials beside them).
      templates: adapter.templates?.(settings) ?? [],
    };
  });
}
