// Recognises automatic replies (out-of-office, vacation responders) so nobody answers a robot.
// RFC 3834 Auto-Submitted is the standard; the rest are vendor headers and subject conventions.
import type { HeaderLookup } from './header-lookup.ts';

const AUTO_PRECEDENCE = /^(?:auto_reply|bulk|junk)$/i;
const AUTO_SUBJECT_PREFIXES = [
  'auto:', 'automatic reply', 'auto[- ]?reply', 'autoresponse', 'out of (?:the )?office', 'abwesenheitsnotiz',
  'automatische antwort', 'réponse automatique', 'risposta automatica', 'respuesta automática',
];
const AUTO_SUBJECT = new RegExp(`^\\s*(?:${AUTO_SUBJECT_PREFIXES.join('|')})`, 'iu');
// Outlook puts X-Auto-Response-Suppress on many ordinary mails (meeting requests, some clients'
// every message), so on its own it proves nothing.
const SUPPRESS_VALUES = /\b(?:oof|all|autoreply)\b/i;

/** "Auto-Submitted: no (manual)" -> "no": the value before any parameters, without comments. */
function headerToken(headers: HeaderLookup, name: string): string | null {
  const value = headers.first(name);
  return value === null ? null : (value.replace(/\([^)]*\)/g, '').split(';')[0] ?? '').trim().toLowerCase();
}

/** Signals that alone mark a message as automatic. */
function strongSignals(headers: HeaderLookup, subject: string | null): string[] {
  const autoSubmitted = headerToken(headers, 'auto-submitted');
  const signals: Array<[boolean, string]> = [
    [autoSubmitted !== null && autoSubmitted !== 'no', 'auto-submitted'],
    [headers.first('x-autoreply') !== null, 'x-autoreply'],
    [headers.first('x-autorespond') !== null, 'x-autorespond'],
    [AUTO_PRECEDENCE.test(headerToken(headers, 'precedence') ?? ''), 'precedence'],
    [headerToken(headers, 'x-precedence') === 'auto_reply', 'x-precedence'],
    [subject !== null && AUTO_SUBJECT.test(subject), 'subject'],
  ];
  return signals.filter(([hit]) => hit).map(([, name]) => name);
}

/** Signals that only count together with another one. */
function weakSignals(headers: HeaderLookup): string[] {
  const signals: Array<[boolean, string]> = [
    [SUPPRESS_VALUES.test(headers.first('x-auto-response-suppress') ?? ''), 'x-auto-response-suppress'],
    [/^<\s*>$/.test(headers.first('return-path') ?? ''), 'null-return-path'],
  ];
  return signals.filter(([hit]) => hit).map(([, name]) => name);
}

/** The names of the auto-reply signals a message carries; empty when it looks written by a person. */
export function autoReplySignals(input: { headers: HeaderLookup; subject: string | null }): string[] {
  const strong = strongSignals(input.headers, input.subject);
  const weak = weakSignals(input.headers);
  return strong.length > 0 || weak.length >= 2 ? [...strong, ...weak] : [];
}

export function isAutoReply(input: { headers: HeaderLookup; subject: string | null }): boolean {
  return autoReplySignals(input).length > 0;
}
