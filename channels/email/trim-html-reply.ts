// The visible reply of an HTML email: the HTML is cut where the client put the quoted history and
// the text is made from what is above the cut (then trimmed like any plain text, for the "-- "
// signature and an attribution line left above the quote). The full HTML stays on the message;
// the web folds the same history away and shows it on "show quoted" (web/src/conversation/email-html.ts).
import { compile } from 'html-to-text';
import { Parser } from 'htmlparser2';
import { findQuoteStart } from './find-quote-start.ts';
import { startsWithHeaderLines } from './outlook-header-block.ts';
import { isAttribution } from './quote-headers.ts';
import { trimReply, type TrimmedReply } from './trim-reply.ts';

type Candidate = { offset: number; kind: 'container' | 'rule' | 'blockquote' };

// Elements that hold the quoted history, by client. Forwarded content in them is told apart by its text.
const QUOTE_CLASSES = ['gmail_quote', 'gmail_quote_container', 'yahoo_quoted', 'moz-cite-prefix', 'olk_src_body_section', 'divrplyfwdmsg'];
const QUOTE_IDS = ['divrplyfwdmsg', 'appendonsend', 'olk_src_body_section', 'yahoo_quoted'];
// Thunderbird's forward wrapper: what is inside is the forwarded message, content.
const FORWARD_CLASSES = ['moz-forward-container'];
// Only the first few places are weighed; a message with more is judged by those.
const MAX_CANDIDATES = 12;
// Text weighed around a place: the end of what is above it, the start of what is below.
const CONTEXT_CHARS = 20_000;

const TO_TEXT = {
  wordwrap: false as const,
  limits: { maxDepth: 200 },
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
  ],
};
// Block elements and <br> around them give runs of blank lines; one blank line separates paragraphs.
// Compiled once: html-to-text builds its selector tables per call otherwise.
const toText = compile(TO_TEXT);
const textOf = (html: string) => toText(html).replace(/\n[ \t]*\n(?:[ \t]*\n)+/gu, '\n\n');

function classesOf(attribs: Record<string, string>): string[] {
  return (attribs.class ?? '').toLowerCase().split(/\s+/u);
}

/** The places in document order where quoted history may start; stops at a forward wrapper. */
function candidatesOf(html: string): Candidate[] {
  const found: Candidate[] = [];
  let blockquoteDepth = 0;
  let stopped = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (stopped) return;
        const classes = classesOf(attribs);
        const id = (attribs.id ?? '').toLowerCase();
        if (classes.some((c) => FORWARD_CLASSES.includes(c))) stopped = true;
        else if (classes.some((c) => QUOTE_CLASSES.includes(c)) || QUOTE_IDS.includes(id)) found.push({ offset: parser.startIndex, kind: 'container' });
        else if (name === 'blockquote' && attribs.type?.toLowerCase() === 'cite') found.push({ offset: parser.startIndex, kind: 'container' });
        else if (name === 'blockquote' && blockquoteDepth === 0) found.push({ offset: parser.startIndex, kind: 'blockquote' });
        else if (name === 'hr') found.push({ offset: parser.startIndex, kind: 'rule' });
        if (name === 'blockquote') blockquoteDepth++;
        if (found.length >= MAX_CANDIDATES) stopped = true;
      },
      onclosetag(name) {
        if (name === 'blockquote' && blockquoteDepth > 0) blockquoteDepth--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found;
}

const linesOf = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/** The last one to three non-empty lines above, joined: an "On ... wrote:" attribution when they end in one. */
function endsWithAttribution(above: string): boolean {
  const lines = linesOf(above).map((l) => l.trim()).filter((l) => l !== '');
  for (let span = 1; span <= 3 && span <= lines.length; span++) {
    if (isAttribution(lines.slice(-span).join(' '))) return true;
  }
  return false;
}

type Verdict = 'quote' | 'forward' | 'content';

function judge(html: string, candidate: Candidate): Verdict {
  const below = linesOf(textOf(html.slice(candidate.offset, candidate.offset + CONTEXT_CHARS)));
  const firstLine = below.findIndex((l) => l.trim() !== '');
  const start = findQuoteStart(below);
  // A forward marker or an "FW:" header block at the top of the place: forwarded content, never trimmed.
  if (start?.kind === 'forward' && start.line <= firstLine + 1) return 'forward';
  if (candidate.kind === 'container') return 'quote';
  if (candidate.kind === 'rule') return startsWithHeaderLines(below) ? 'quote' : 'content';
  return endsWithAttribution(textOf(html.slice(Math.max(0, candidate.offset - CONTEXT_CHARS), candidate.offset))) ? 'quote' : 'content';
}

/** Where the quoted history starts in the HTML (an offset into it), or null when it has none or it is a forward. */
export function findHtmlQuoteStart(html: string): number | null {
  for (const candidate of candidatesOf(html)) {
    const verdict = judge(html, candidate);
    if (verdict === 'forward') return null;
    if (verdict === 'quote') return candidate.offset;
  }
  return null;
}

const squeeze = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** Whether the trimmed plain text still shows the start of what the HTML marks as quoted. */
function stillShowsQuote(plainReply: string, quotedText: string): boolean {
  const reply = squeeze(plainReply);
  const firstLines = linesOf(quotedText).map(squeeze).filter((l) => l.length >= 12).slice(0, 3);
  return firstLines.some((line) => reply.includes(line));
}

/**
 * The visible reply of an email. The text part trimmed as plain text, unless the HTML shows where
 * its quote starts and the trimmed text still shows that quote: then the text made from the HTML above it.
 */
export function trimEmailBody(body: { text: string; html: string | false | undefined }): TrimmedReply {
  const plain = trimReply(body.text);
  const html = typeof body.html === 'string' ? body.html : '';
  const cut = html.trim() === '' ? null : findHtmlQuoteStart(html);
  if (cut === null) return plain;
  const quotedHtmlText = textOf(html.slice(cut)).trim();
  if (plain.text !== '' && !stillShowsQuote(plain.text, quotedHtmlText)) return plain;
  const visible = trimReply(textOf(html.slice(0, cut)));
  if (visible.text === '') return plain;
  const quoted = [visible.quotedText ?? '', quotedHtmlText].filter((part) => part !== '').join('\n');
  return { text: visible.text, quotedText: quoted === '' ? null : quoted };
}
