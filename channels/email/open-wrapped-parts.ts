// Parts that wrap what the customer wrote, opened so agents can read it; the wrappers themselves
// stay attachments (nothing is lost):
// - an opaque S/MIME signed-data message (application/pkcs7-mime): the signed MIME entity inside
//   is parsed and its text and files shown, with a note that it is signed; enveloped-data is
//   encrypted, so only the note can be shown;
// - a meeting invitation (text/calendar): what, when, where and who, read from the VCALENDAR;
// - a forwarded message (message/rfc822): named by its subject, and its subject shown;
// - a TNEF winmail.dat (Outlook): the files inside attached, its body shown.
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { describeCalendar, readCalendar } from './read-calendar.ts';
import { readCms } from './read-cms.ts';
import { isTnefPart, openTnef } from './tnef/open-tnef.ts';
import type { NormalizedAttachment } from '../types.ts';

export interface OpenedParts {
  /** The body of the signed entity inside an opaque S/MIME message, when there is one. */
  inner: ParsedMail | null;
  /** Said before the text: that the text shown is the signed content of an S/MIME message. */
  lead: string | null;
  /** Lines that say what the wrapped parts are, shown when the message has no text of its own. */
  notes: string[];
  /** The attachments to keep: the outer ones (forwarded messages named by subject) and the inner ones. */
  attachments: Attachment[];
  /** Files taken out of containers (a winmail.dat's attachments). */
  extracted: NormalizedAttachment[];
}

const isPkcs7Mime = (a: Attachment) => /^application\/(x-)?pkcs7-mime$/i.test(a.contentType);

async function openSmime(mail: ParsedMail): Promise<{ inner: ParsedMail | null; note: string | null }> {
  const wrapped = mail.attachments.find(isPkcs7Mime);
  if (!wrapped) return { inner: null, note: null };
  const cms = readCms(wrapped.content);
  if (cms.kind === 'encrypted') return { inner: null, note: 'This message is encrypted (S/MIME); its content cannot be shown here.' };
  if (cms.kind !== 'signed') return { inner: null, note: 'This message is signed or encrypted (S/MIME) in a form that cannot be shown here.' };
  if (!cms.content) return { inner: null, note: 'This message is signed (S/MIME); the signed content is not inside it.' };
  const inner = await simpleParser(cms.content, { keepCidLinks: true }).catch(() => null);
  return { inner, note: 'This message is signed (S/MIME); the signature was not checked.' };
}

/** The forwarded message's subject, encoded-words decoded; null when it has none or cannot be read. */
async function subjectOfMessage(part: Attachment): Promise<string | null> {
  const forwarded = await simpleParser(part.content).catch(() => null);
  return forwarded?.subject?.trim() || null;
}

const safeFileName = (text: string) => text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);

export async function openWrappedParts(mail: ParsedMail): Promise<OpenedParts> {
  const notes: string[] = [];
  const { inner, note } = await openSmime(mail);
  if (note && !inner) notes.push(note);
  const parts = [...mail.attachments, ...(inner?.attachments ?? [])];
  const attachments: Attachment[] = [];
  const extracted: NormalizedAttachment[] = [];
  for (const part of parts) {
    attachments.push(await openPart(part, notes));
    if (!isTnefPart(part)) continue;
    const tnef = openTnef(part);
    extracted.push(...tnef.files);
    if (tnef.text) notes.push(tnef.text);
  }
  return { inner, lead: inner ? note : null, notes, attachments, extracted };
}

/** The part as it is kept (a forwarded message named by its subject); what it says goes into `notes`. */
async function openPart(part: Attachment, notes: string[]): Promise<Attachment> {
  const type = part.contentType.toLowerCase();
  if (type === 'text/calendar' || type === 'application/ics') {
    const calendar = readCalendar(part.content.toString('utf8'));
    if (calendar) notes.push(describeCalendar(calendar));
    return part;
  }
  if (type !== 'message/rfc822') return part;
  const subject = await subjectOfMessage(part);
  notes.push(`Forwarded message attached: ${subject ?? '(no subject)'}`);
  return part.filename || !subject ? part : { ...part, filename: `${safeFileName(subject) || 'message'}.eml` };
}
