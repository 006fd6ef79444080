// Files an agent attaches to a reply: read in the browser (base64, as the reply API takes them)
// and checked against what the conversation's channel can carry before anything is sent.
import { fileSize } from '../ui/format.ts';

export interface ReplyFile {
  filename: string;
  contentType: string;
  size: number;
  contentBase64: string;
}

export function readReplyFile(file: File): Promise<ReplyFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error(`Could not read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ filename: file.name, contentType: file.type || 'application/octet-stream', size: file.size, contentBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** Why these files cannot go out on this channel, or null when they can. */
export function replyFilesProblem(files: readonly ReplyFile[], maxBytes: number | null, channelName: string): string | null {
  if (files.length === 0) return null;
  if (maxBytes === null) return `${channelName} cannot carry files; send a link instead`;
  if (files.some((f) => f.size === 0)) return `${files.find((f) => f.size === 0)!.filename} is empty`;
  if (files.length > MAX_REPLY_FILES) return `At most ${MAX_REPLY_FILES} files per reply`;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  return total > maxBytes ? `The files come to ${fileSize(total)}; ${channelName} replies carry at most ${fileSize(maxBytes)}` : null;
}

/** The reply API takes at most this many files per message. */
export const MAX_REPLY_FILES = 10;
