// An attachment's bytes for download, if the viewer may see its conversation and we hold the file.
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleConversationsWhere } from '../conversations/visibility.ts';

export interface AttachmentFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export async function getAttachmentFile(deps: Pick<Deps, 'db' | 'store'>, viewer: Viewer, attachmentId: string): Promise<AttachmentFile> {
  const a = await deps.db.attachment.findFirst({
    where: { id: attachmentId, message: { conversation: visibleConversationsWhere(viewer) } },
  });
  if (!a) throw notFound('Attachment');
  if (!a.storageKey && a.fetchError) throw new AppError('conflict', `This file could not be downloaded from the provider: ${a.fetchError}`);
  if (!a.storageKey) throw new AppError('conflict', 'This file has not been downloaded from the provider yet');
  return { filename: a.filename, contentType: a.contentType, content: await deps.store.get(a.storageKey) };
}
