// The keywords that opt a number out of (or back into) messages. Twilio honours them for SMS on
// its own (https://help.twilio.com/articles/223134027); Parley records them on the identity so
// agents see it and replies are refused, and applies the same words on WhatsApp.
const optOutWords = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const optInWords = new Set(['START', 'UNSTOP']);

/** Whether a message body is exactly one consent keyword (any case, surrounding spaces and punctuation ignored). */
export function consentKeyword(body: string): 'opt_out' | 'opt_in' | undefined {
  const word = body.replace(/^[\p{P}\p{Z}\s]+|[\p{P}\p{Z}\s]+$/gu, '').toUpperCase();
  if (optOutWords.has(word)) return 'opt_out';
  if (optInWords.has(word)) return 'opt_in';
  return undefined;
}
