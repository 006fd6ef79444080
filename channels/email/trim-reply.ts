// Splits an email's plain text into what the sender wrote now and the quoted history/signature
// below it. find-quote-start.ts finds the history's first line in every language of its table
// (and a forwarded message, which is content and stays); email-reply-parser then trims the "-- "
// signature and the ">" quoted lines of what is above it.
import EmailReplyParser from 'email-reply-parser';
import { findQuoteStart } from './find-quote-start.ts';

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
  if (text.trim() === '') return { visible: '', hidden: '' };
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

const joinParts = (parts: readonly string[]) => parts.filter((part) => part.trim() !== '').join('\n').trim();

/** Visible reply and trimmed remainder of a plain-text body. Never loses the message: see TrimmedReply.text. */
export function trimReply(fullText: string): TrimmedReply {
  const text = fullText.replace(/\r\n?/g, '\n');
  const whole = { text: text.trim(), quotedText: null };
  if (text.trim() === '') return whole;
  const lines = text.split('\n');
  const start = findQuoteStart(lines);
  const head = start === null ? text : lines.slice(0, start.line).join('\n');
  const below = start === null ? '' : lines.slice(start.line).join('\n');
  const { visible, hidden } = splitQuotes(head);
  // A forwarded message is what the customer sends us: it stays visible, whole.
  const reply = start?.kind === 'forward' ? joinParts([visible, below]) : visible.trim();
  if (reply === '') return whole;
  const quoted = start?.kind === 'forward' ? joinParts([hidden]) : joinParts([hidden, below]);
  return { text: reply, quotedText: quoted === '' ? null : quoted };
}
