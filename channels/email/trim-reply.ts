// Splits an email's plain text into what the sender wrote now and the quoted history/signature
// below it. email-reply-parser does most of it; Outlook header blocks without an address
// ("Von: Acme Support / Gesendet: ...") are cut here first because its patterns need "<email>".
import EmailReplyParser from 'email-reply-parser';

export interface TrimmedReply {
  /** The visible reply; the whole text when trimming would leave nothing. */
  text: string;
  /** Everything trimmed off (quotes, signatures), or null when nothing was. */
  quotedText: string | null;
}

// email-reply-parser runs backtracking regexes over the whole text (without the optional re2),
// some cubic on crafted input: 20 KB of "Op ... schreef" lines take seconds. It only sees this
// much of the top of the text, where a reply's own words are.
const PARSER_WINDOW_CHARS = 10_000;

const HEADER_FROM = /^\s*\*?(?:from|von|de|van|da|från|fra|od|от|lähettäjä|feladó)\s?:\*?\s*\S/iu;
const HEADER_SENT =
  /^\s*\*?(?:sent|date|gesendet|datum|envoyé|date d'envoi|enviado|fecha|verzonden|skickat|sendt|inviato|data|wysłano|отправлено|дата|lähetetty)\s?:/iu;
const HEADER_SUBJECT = /^\s*\*?(?:subject|betreff|objet|asunto|oggetto|onderwerp|ämne|emne|temat|тема|assunto|aihe)\s?:/iu;
// "-----Original Message-----", "-----Ursprüngliche Nachricht-----", Outlook's underscore rule.
const SEPARATOR = /^\s*(?:-{3,}[^-].*-{3,}|_{10,})\s*$/u;

/** The line index where an Outlook-style "From/Sent/.../Subject" block starts (its separator included), or -1. */
export function findOutlookHeaderBlock(lines: readonly string[]): number {
  for (let i = 1; i < lines.length; i++) {
    if (!HEADER_FROM.test(lines[i] ?? '')) continue;
    const following = lines.slice(i + 1, i + 7);
    const hasSent = following.slice(0, 3).some((l) => HEADER_SENT.test(l));
    const hasSubject = following.some((l) => HEADER_SUBJECT.test(l));
    if (hasSent && hasSubject) return startOfBlock(lines, i);
  }
  return -1;
}

function startOfBlock(lines: readonly string[], fromLine: number): number {
  let above = fromLine - 1;
  while (above >= 0 && (lines[above] ?? '').trim() === '') above--;
  return above >= 0 && SEPARATOR.test(lines[above] ?? '') ? above : fromLine;
}

function splitOutlookBlock(text: string): { head: string; tail: string } {
  const lines = text.split('\n');
  const start = findOutlookHeaderBlock(lines);
  if (start < 0) return { head: text, tail: '' };
  return { head: lines.slice(0, start).join('\n'), tail: lines.slice(start).join('\n') };
}

function windowOf(text: string): { window: string; rest: string } {
  if (text.length <= PARSER_WINDOW_CHARS) return { window: text, rest: '' };
  const cut = text.lastIndexOf('\n', PARSER_WINDOW_CHARS);
  const at = cut > 0 ? cut : PARSER_WINDOW_CHARS;
  return { window: text.slice(0, at), rest: text.slice(at) };
}

/**
 * email-reply-parser's split of the top of the text. Text past its window counts as quoted when
 * the window ends inside quotes or a signature, and as reply otherwise (we cannot tell, so keep it).
 */
function splitQuotes(text: string): { visible: string; hidden: string } {
  const { window, rest } = windowOf(text);
  const fragments = new EmailReplyParser()
    .read(window)
    .getFragments()
    .filter((f) => f.getContent().trim() !== '');
  const endsHidden = fragments.at(-1)?.isHidden() ?? false;
  if (rest !== '' && !endsHidden) return { visible: text, hidden: '' };
  const contents = (hidden: boolean) => fragments.filter((f) => f.isHidden() === hidden).map((f) => f.getContent());
  return { visible: contents(false).join('\n'), hidden: [...contents(true), rest].filter((part) => part.trim() !== '').join('\n') };
}

/** Visible reply and trimmed remainder of a plain-text body. Never loses the message: see TrimmedReply.text. */
export function trimReply(fullText: string): TrimmedReply {
  const text = fullText.replace(/\r\n?/g, '\n');
  const whole = { text: text.trim(), quotedText: null };
  if (text.trim() === '') return whole;
  const { head, tail } = splitOutlookBlock(text);
  const { visible, hidden } = splitQuotes(head);
  const reply = visible.trim();
  if (reply === '') return whole;
  const quoted = [hidden, tail].filter((part) => part.trim() !== '').join('\n').trim();
  return { text: reply, quotedText: quoted === '' ? null : quoted };
}
