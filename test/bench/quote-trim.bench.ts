// What quote trimming costs, as ratios within one run: email-reply-parser alone (the trimming
// before the quote-header table) against trimReply (the table's pass, then email-reply-parser
// above the cut) on a short reply and on a long one, and the HTML path on an Outlook reply.
// planer (mailgun/talon's port) was measured once outside the suite; it is not a dependency
// (numbers in channels/email/quote-headers.ts).
import { readFileSync } from 'node:fs';
import EmailReplyParser from 'email-reply-parser';
import { simpleParser } from 'mailparser';
import { bench, describe } from 'vitest';
import { trimEmailBody } from '../../channels/email/trim-html-reply.ts';
import { trimReply } from '../../channels/email/trim-reply.ts';
import { PLAIN_CASES } from '../fixtures/email/quotes/plain-cases.ts';

const replyParserAlone = (text: string) => new EmailReplyParser().read(text).getVisibleText();

const short = PLAIN_CASES.find((c) => c.lang === 'de')?.body ?? '';
const long = `${'Thanks, that fixed it. The export runs every Monday now.\n'.repeat(40)}\nAm 14.01.2024 um 10:00 schrieb Hans Mueller <hans@example.de>:\n${'> a quoted line of the earlier message\n'.repeat(200)}`;

describe('trim a short German reply', () => {
  bench('email-reply-parser alone', () => void replyParserAlone(short));
  bench('trimReply (table + email-reply-parser)', () => void trimReply(short));
});

describe('trim a 40-line reply over 200 quoted lines', () => {
  bench('email-reply-parser alone', () => void replyParserAlone(long));
  bench('trimReply (table + email-reply-parser)', () => void trimReply(long));
});

const outlook = await simpleParser(readFileSync(new URL('../fixtures/email/quotes/outlook-web-divrplyfwdmsg.eml', import.meta.url)));
const outlookHtml = typeof outlook.html === 'string' ? outlook.html : '';
const outlookText = outlook.text ?? '';

describe('trim an Outlook on the web HTML reply', () => {
  bench('trimReply on its text', () => void trimReply(outlookText));
  bench('trimEmailBody (HTML cut, text from the HTML above it)', () => void trimEmailBody({ text: outlookText, html: outlookHtml }));
});
