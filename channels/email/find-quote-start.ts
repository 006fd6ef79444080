// Where the quoted history starts in a plain-text reply, and where a forwarded message starts
// (content, never trimmed): one pass over the lines with the table of quote-headers.ts and the
// Outlook header block. Lines already marked with ">" are left to email-reply-parser.
import { ATTRIBUTION_LEAD, isAttribution, isForwardMarker, isOriginalMessageRule } from './quote-headers.ts';
import { headerBlockAt } from './outlook-header-block.ts';

export type QuoteStart = { kind: 'quote' | 'forward'; line: number } | null;

// An attribution wrapped by the sender's client spans at most three lines.
const MAX_WRAPPED_LINES = 3;
// A line longer than this is prose, never a header (and bounds the work per line).
const MAX_HEADER_LINE_CHARS = 500;

const endsLikeHeader = (line: string) => /(?:[:：]\*?|-{2,})\s*$/u.test(line);

/** The first line of an attribution that ends on lines[end], or -1. Wider spans must open like one. */
function attributionEndingAt(lines: readonly string[], end: number): number {
  const last = lines[end] ?? '';
  if (last.length > MAX_HEADER_LINE_CHARS || !endsLikeHeader(last) || last.trimStart().startsWith('>')) return -1;
  for (let span = MAX_WRAPPED_LINES; span >= 1; span--) {
    const first = end - span + 1;
    if (first < 0) continue;
    const part = lines.slice(first, end + 1).map((l) => l.trim());
    if (part.some((l) => l === '' || l.startsWith('>') || l.length > MAX_HEADER_LINE_CHARS)) continue;
    if (span > 1 && !ATTRIBUTION_LEAD.test(part[0] ?? '')) continue;
    if (isAttribution(part.join(' '))) return first;
  }
  return -1;
}

/** The first quote or forward in the text's lines, or null when it has neither. */
export function findQuoteStart(lines: readonly string[]): QuoteStart {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > MAX_HEADER_LINE_CHARS) continue;
    if (isForwardMarker(line)) return { kind: 'forward', line: i };
    if (isOriginalMessageRule(line)) return { kind: 'quote', line: i };
    const block = headerBlockAt(lines, i);
    if (block) return { kind: block.forwarded ? 'forward' : 'quote', line: block.start };
    const attribution = attributionEndingAt(lines, i);
    if (attribution >= 0) return { kind: 'quote', line: attribution };
  }
  return null;
}
