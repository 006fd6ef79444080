// Files an agent attaches to a reply: stored (content-addressed) before the message is written,
// so the deliver worker reads them like any other attachment.
import type { AttachmentStore } from '../../storage/attachment-store.ts';
import { AppError } from '../../errors.ts';

export interface ReplyAttachmentInput {
  filename: string;
  contentType: string;
  /** The bytes, base64-encoded. */
  contentBase64: string;
}

export async function storeReplyAttachments(store: AttachmentStore, files: ReplyAttachmentInput[]) {
  const rows = [];
  for (const f of files) {
    const content = Buffer.from(f.contentBase64, 'base64');
    if (content.length === 0) throw new AppError('validation_failed', `attachments: ${f.filename} is empty or not base64`);
    const stored = await store.put(content);
    rows.push({ filename: f.filename, contentType: f.contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.key, inline: false });
  }
  return rows;
}
