// The media worker's one domain call: fetch a provider-hosted file through its channel adapter
// (which knows the credentials), store it, and point the attachment at it. A file that can never
// be fetched (too large, gone) keeps the reason for the agent.
import { toChannelConfig } from '../channels/channel-config.ts';
import type { Deps } from '../../deps.ts';
import { publishMessage } from '../conversations/publish-conversation.ts';
import { deletePendingFiles } from '../privacy/delete-pending-files.ts';

export type DownloadOutcome =
  | { status: 'stored'; size: number }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; permanent: boolean; error: string };

export async function downloadAttachment(deps: Deps, attachmentId: string, opts: { maxBytes: number; finalAttempt: boolean }): Promise<DownloadOutcome> {
  const a = await deps.db.attachment.findUnique({ where: { id: attachmentId }, include: { message: { include: { channel: true } } } });
  if (!a) return { status: 'skipped', reason: 'no such attachment' };
  if (a.storageKey) return { status: 'skipped', reason: 'already downloaded' };
  if (!a.sourceUrl) return { status: 'skipped', reason: 'nothing to download' };
  const adapter = deps.adapterFor(a.message.channel.kind);
  if (!adapter.fetchMedia) return giveUp(deps, a, `the ${a.message.channel.kind} channel cannot download files`, true);
  const fetched = await adapter.fetchMedia(a.sourceUrl, toChannelConfig(a.message.channel), { maxBytes: opts.maxBytes });
  if (!fetched.ok) {
    if (fetched.permanent || opts.finalAttempt) return giveUp(deps, a, fetched.error, fetched.permanent);
    return { status: 'failed', permanent: false, error: fetched.error };
  }
  const stored = await deps.store.put(fetched.content);
  const contentType = a.contentType === 'application/octet-stream' && fetched.contentType ? fetched.contentType.split(';')[0]!.trim() : a.contentType;
  const updated = await deps.db.attachment.updateMany({ where: { id: a.id }, data: { storageKey: stored.key, sha256: stored.sha256, size: stored.size, contentType, fetchError: null } });
  if (updated.count === 0) {
    // Erased or purged while downloading: the file just stored must not stay behind.
    await deps.db.pendingFileDeletion.createMany({ data: [{ storageKey: stored.key }], skipDuplicates: true });
    await deletePendingFiles(deps, { storageKeys: [stored.key] });
    return { status: 'skipped', reason: 'the attachment was removed while its file downloaded' };
  }
  await publishMessage(deps, a.messageId, 'message.updated');
  return { status: 'stored', size: stored.size };
}

async function giveUp(deps: Deps, a: { id: string; messageId: string }, error: string, permanent: boolean): Promise<DownloadOutcome> {
  await deps.db.attachment.update({ where: { id: a.id }, data: { fetchError: error } });
  await publishMessage(deps, a.messageId, 'message.updated');
  deps.log.warn({ attachmentId: a.id, error }, 'media download gave up');
  return { status: 'failed', permanent, error };
}
