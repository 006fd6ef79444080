// A winmail.dat attachment opened: the files inside become attachments of their own and the body
// (plain text, else the RTF's text, else the HTML's text) is what the message says when its MIME
// body says nothing. The winmail.dat itself stays attached.
import { convert as htmlToText } from 'html-to-text';
import type { Attachment } from 'mailparser';
import type { NormalizedAttachment } from '../../types.ts';
import { contentTypeForFilename } from '../attachments.ts';
import { readTnef } from './read-tnef.ts';
import { rtfToText } from './rtf-to-text.ts';

export const isTnefPart = (a: Attachment) => a.contentType.toLowerCase() === 'application/ms-tnef' || a.filename?.toLowerCase() === 'winmail.dat';

export function openTnef(part: Attachment): { files: NormalizedAttachment[]; text: string | null } {
  const tnef = readTnef(part.content);
  if (!tnef) return { files: [], text: null };
  const files = tnef.files.map((f, index) => {
    const filename = f.filename?.trim() || `winmail-${index + 1}.bin`;
    const contentType = (f.mimeType ?? contentTypeForFilename(filename)).toLowerCase();
    return { filename, contentType, size: f.content.length, content: f.content, contentId: f.contentId ?? undefined, inline: false };
  });
  const html = tnef.bodyHtml ? htmlToText(tnef.bodyHtml, { limits: { maxDepth: 200 } }) : null;
  const text = tnef.bodyText?.trim() || (tnef.bodyRtf ? rtfToText(tnef.bodyRtf.toString('latin1')) : null) || html?.trim() || null;
  return { files, text };
}
