// The HTML an email is shown with in the inbox: sanitised, with the quoted history (where
// trim-html-reply.ts finds it: Outlook's, Gmail's, Yahoo's, mail.ru's ... quote containers, a rule
// with a header block, an attributed blockquote) wrapped in <div data-parley-quote> for the inbox to
// fold behind "Show quoted". The wrapper is added after sanitising each side, and the sanitiser
// keeps no data- attributes, so a sender cannot hide their own words behind a forged marker.
import { sanitizeEmailHtml } from './sanitize-html.ts';
import { findHtmlQuoteStart } from './trim-html-reply.ts';

export const QUOTE_MARKER_ATTRIBUTE = 'data-parley-quote';

/** Sanitised HTML with its quote marked, or null when nothing displayable is left. */
export function displayHtmlOf(html: string): string | null {
  const whole = () => sanitizeEmailHtml(html) || null;
  const cut = findHtmlQuoteStart(html);
  if (cut === null) return whole();
  const own = sanitizeEmailHtml(html.slice(0, cut));
  // Nothing of the sender's own above the quote (a bare forward): show it all, folded nothing.
  if (own.replace(/<[^>]*>|&nbsp;|\s/g, '') === '') return whole();
  const quoted = sanitizeEmailHtml(html.slice(cut));
  return quoted === '' ? own : `${own}<div ${QUOTE_MARKER_ATTRIBUTE}="">${quoted}</div>`;
}
