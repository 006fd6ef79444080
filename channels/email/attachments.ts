// mailparser attachments -> NormalizedAttachment: every part with a usable file name, its bytes,
// and whether it is an inline (cid:) image of the HTML body rather than a file the customer sent.
import type { Attachment } from 'mailparser';
import type { NormalizedAttachment } from '../types.ts';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'application/json': '.json',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
  'image/heic': '.heic',
  'text/plain': '.txt',
  'text/html': '.html',
  'text/csv': '.csv',
  'text/calendar': '.ics',
  'text/rfc822-headers': '.txt',
  'message/rfc822': '.eml',
  'message/delivery-status': '.txt',
  'audio/mpeg': '.mp3',
  'video/mp4': '.mp4',
};

/** ".pdf" for application/pdf; ".bin" when we do not know the type. */
export function extensionFor(contentType: string): string {
  return EXTENSIONS[contentType.toLowerCase()] ?? '.bin';
}

/** "application/pdf" for "report.PDF"; application/octet-stream when the extension says nothing. */
export function contentTypeForFilename(filename: string): string {
  const dot = filename.lastIndexOf('.');
  const extension = dot < 0 ? '' : filename.slice(dot).toLowerCase();
  const known = Object.entries(EXTENSIONS).find(([, ext]) => ext === extension && extension !== '.txt');
  if (known) return known[0];
  return extension === '.txt' ? 'text/plain' : 'application/octet-stream';
}

export function normalizeAttachments(attachments: readonly Attachment[]): NormalizedAttachment[] {
  return attachments.map((attachment, index) => {
    const contentType = attachment.contentType.toLowerCase();
    const contentId = attachment.cid || undefined;
    const filename = attachment.filename?.trim() || `attachment-${index + 1}${extensionFor(contentType)}`;
    return {
      filename,
      contentType,
      size: attachment.content.length,
      content: attachment.content,
      contentId,
      inline: contentId !== undefined && (attachment.related === true || attachment.contentDisposition === 'inline'),
    };
  });
}
