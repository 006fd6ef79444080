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
  file_unique_id?: string | null;
  file_size?: number | null;
  file_name?: string | null;
  mime_type?: string | null;
}

/** A name for a file Telegram gave none: its kind and unique id, else the message it came in (the unique id may be empty). */
function attachment(file: FileLike, fallback: { name: string; extension: string; contentType: string }, messageId: number): NormalizedAttachment {
  const unique = file.file_unique_id?.trim() || `message-${messageId}`;
  return {
    filename: file.file_name?.trim() || `${fallback.name}-${unique}${fallback.extension}`,
    contentType: file.mime_type?.trim() || fallback.contentType,
    size: file.file_size ?? 0,
    url: fileRef(file.file_id),
    inline: false,
  };
}

export function telegramAttachments(m: TelegramMessage): NormalizedAttachment[] {
  const out: NormalizedAttachment[] = [];
  const file = (f: FileLike, fallback: { name: string; extension: string; contentType: string }) => attachment(f, fallback, m.message_id);
  // Telegram offers each photo in several sizes; the last is the largest.
  const photo = m.photo?.at(-1);
  if (photo) out.push(file(photo, { name: 'photo', extension: '.jpg', contentType: 'image/jpeg' }));
  if (m.document) out.push(file(m.document, { name: 'document', extension: '', contentType: 'application/octet-stream' }));
  if (m.voice) out.push(file(m.voice, { name: 'voice', extension: '.ogg', contentType: 'audio/ogg' }));
  if (m.audio) out.push(file(m.audio, { name: 'audio', extension: '.mp3', contentType: 'audio/mpeg' }));
  if (m.video) out.push(file(m.video, { name: 'video', extension: '.mp4', contentType: 'video/mp4' }));
  if (m.video_note) out.push(file(m.video_note, { name: 'video-note', extension: '.mp4', contentType: 'video/mp4' }));
  if (m.animation && !m.document) out.push(file(m.animation, { name: 'animation', extension: '.mp4', contentType: 'video/mp4' }));
  if (m.sticker) {
    const kind = m.sticker.is_video ? { extension: '.webm', contentType: 'video/webm' } : m.sticker.is_animated ? { extension: '.tgs', contentType: 'application/x-tgsticker' } : { extension: '.webp', contentType: 'image/webp' };
    out.push(file(m.sticker, { name: 'sticker', ...kind }));
  }
  return out;
}
