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

/** The most bytes of files one reply may carry on any channel (a channel may allow less). */
export const REPLY_FILES_MAX_BYTES = 25 * 1024 * 1024;

/** What a channel allows: its own limit, never above Parley's; null when it sends no files. */
export function replyFilesLimit(channelMaxBytes: number | undefined): number | null {
  return channelMaxBytes === undefined ? null : Math.min(channelMaxBytes, REPLY_FILES_MAX_BYTES);
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

/** Decodes the files and checks them against the channel before anything is stored. */
export function decodeReplyAttachments(files: ReplyAttachmentInput[], channel: { kind: string; maxBytes: number | null }) {
  if (files.length === 0) return [];
  if (channel.maxBytes === null) throw new AppError('unprocessable', `${channel.kind} conversations cannot carry files; send a link instead`);
  const decoded = files.map((f) => {
    const content = Buffer.from(f.contentBase64, 'base64');
    if (content.length === 0) throw new AppError('validation_failed', `attachments: ${f.filename} is empty or not base64`);
    return { ...f, content };
  });
  const total = decoded.reduce((sum, f) => sum + f.content.length, 0);
  if (total > channel.maxBytes) {
    throw new AppError('payload_too_large', `The files come to ${megabytes(total)}; ${channel.kind} replies carry at most ${megabytes(channel.maxBytes)}`);
  }
  return decoded;
}

export async function storeReplyAttachments(store: AttachmentStore, files: { filename: string; contentType: string; content: Buffer }[]) {
  const rows = [];
  for (const f of files) {
    const stored = await store.put(f.content);
    rows.push({ filename: f.filename, contentType: f.contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.key, inline: false });
  }
  return rows;
}
