// Subject -> thread topic: the subject without reply/forward prefixes (in the languages our
// customers' mail clients write them) and ticket tags, so "AW: Re[2]: Foo [#12]" matches "Foo".

const PREFIX_WORDS = [
  're', 'aw', 'sv', 'vs', 'antw', 'antwort', 'rif', 'réf', 'res', 'odp', 'fwd', 'fw', 'wg', 'tr', 'enc', 'rv',
  '回复', '答复', '转发', '回覆', '轉寄',
  // Auto-replies quote the subject after their own prefix; stripping it threads them by topic too.
  'automatic reply', 'automatische antwort', 'réponse automatique', 'risposta automatica', 'respuesta automática',
  'abwesenheitsnotiz', 'out of office', 'autoreply', 'auto-reply',
];

const PREFIX_ALTERNATION = PREFIX_WORDS.map((word) => word.replace(/ /g, '\\s+')).join('|');
// "Re:", "RE :", "Re[2]:", "Re(3):", "回复：" (full-width colon); the counter is what some clients add.
const REPLY_PREFIX = new RegExp(`^\\s*(?:${PREFIX_ALTERNATION})\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*`, 'iu');
const LEADING_TICKET_TAG = /^\s*\[#[^\]\s]+\]\s*/u;
const TRAILING_TICKET_TAG = /\s*\[#[^\]\s]+\]\s*$/u;

/** Strips every leading reply/forward prefix and ticket tag, in any interleaving ("Re: [#1] Fwd: x"). */
export function stripReplyPrefixes(subject: string): string {
  let current = subject;
  for (;;) {
    const next = current.replace(REPLY_PREFIX, '').replace(LEADING_TICKET_TAG, '');
    if (next === current) return current;
    current = next;
  }
}

/** The thread topic of a subject: prefixes and ticket tags stripped, whitespace collapsed, lower-cased; null if nothing is left. */
export function normaliseSubject(subject: string | null | undefined): string | null {
  if (!subject) return null;
  const topic = stripReplyPrefixes(subject).replace(TRAILING_TICKET_TAG, '').replace(/\s+/gu, ' ').trim().toLowerCase();
  return topic === '' ? null : topic;
}
