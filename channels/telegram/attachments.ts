// Files of a Telegram message as attachments to fetch later: the update carries file ids, never
// bytes; the media worker downloads them through getFile (fetch-file.ts).
import type { NormalizedAttachment } from '../types.ts';
import type { TelegramMessage } from './schema.ts';

const FILE_URL_PREFIX = 'tg://file/';

/** The reference stored as the attachment's source: no bot token in it, unlike Telegram's own file URL. */
export const fileRef = (fileId: string): string => `${FILE_URL_PREFIX}${encodeURIComponent(fileId)}`;

export function fileIdOf(url: string): string | null {
  if (!url.startsWith(FILE_URL_PREFIX)) return null;
  const id = decodeURIComponent(url.slice(FILE_URL_PREFIX.length));
  return id === '' ? null : id;
}

interface FileLike {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  file_name?: string;
  mime_type?: string;
}

function attachment(file: FileLike, fallback: { name: string; extension: string; contentType: string }): NormalizedAttachment {
  return {
    filename: file.file_name ?? `${fallback.name}-${file.file_unique_id}${fallback.extension}`,
    contentType: file.mime_type ?? fallback.contentType,
    size: file.file_size ?? 0,
    url: fileRef(file.file_id),
    inline: false,
  };
}

export function telegramAttachments(m: TelegramMessage): NormalizedAttachment[] {
  const out: NormalizedAttachment[] = [];
  // Telegram offers each photo in several sizes; the last is the largest.
  const photo = m.photo?.at(-1);
  if (photo) out.push(attachment(photo, { name: 'photo', extension: '.jpg', contentType: 'image/jpeg' }));
  if (m.document) out.push(attachment(m.document, { name: 'document', extension: '', contentType: 'application/octet-stream' }));
  if (m.voice) out.push(attachment(m.voice, { name: 'voice', extension: '.ogg', contentType: 'audio/ogg' }));
  if (m.audio) out.push(attachment(m.audio, { name: 'audio', extension: '.mp3', contentType: 'audio/mpeg' }));
  if (m.video) out.push(attachment(m.video, { name: 'video', extension: '.mp4', contentType: 'video/mp4' }));
  if (m.video_note) out.push(attachment(m.video_note, { name: 'video-note', extension: '.mp4', contentType: 'video/mp4' }));
  if (m.animation && !m.document) out.push(attachment(m.animation, { name: 'animation', extension: '.mp4', contentType: 'video/mp4' }));
  if (m.sticker) {
    const kind = m.sticker.is_video ? { extension: '.webm', contentType: 'video/webm' } : m.sticker.is_animated ? { extension: '.tgs', contentType: 'application/x-tgsticker' } : { extension: '.webp', contentType: 'image/webp' };
    out.push(attachment(m.sticker, { name: 'sticker', ...kind }));
  }
  return out;
}
