// Crafted 1 MB bodies trim in bounded time: every quote-header pattern is bounded and sees one
// short line (or three joined), the HTML is weighed at a bounded number of places.
import { describe, expect, it } from 'vitest';
import { findHtmlQuoteStart } from '../../../../channels/email/trim-html-reply.ts';
import { trimReply } from '../../../../channels/email/trim-reply.ts';

const MB = 1_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

// Lines that pass the cheap checks (end in ":" or dashes, hold digits, verbs, brackets) and then fail
// the patterns late: the worst case of backtracking for each kind of row in the table.
const CRAFTED: [string, string][] = [
  ['verbs repeated, no digit', fill(`x ${'schrieb wrote skrev napisał '.repeat(15)}y:\n`)],
  ['digits then verbs, no colon-ending verb', fill(`1 ${'schrieb '.repeat(55)}x:\n`)],
  ['wrapped leads over three lines', fill('On 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 <\nOn 1 <a@b.c> <a@b.c> <a@b.c> (\nwrote x 1 y:\n')],
  ['brackets and addresses without a closing colon form', fill(`1 ${'<a@b> '.repeat(70)}x:\n`)],
  ['dashes round verbs', fill(`-- ${'wrote '.repeat(70)}x --\n`)],
  ['a single 1 MB line', fill('On 1 wrote wrote ')],
  ['header names without a block', fill('From: a\nTo: b\n')],
  ['rule-shaped lines', fill('-----Original ----- ----- ----- Messages\n')],
];

describe('trimming in bounded time', () => {
  it.each(CRAFTED)('%s', (_name, body) => {
    const started = Date.now();
    const trimmed = trimReply(body);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(trimmed.text.length).toBeGreaterThan(0);
  });

  it('weighs only a bounded number of places in 1 MB of nested quote-like HTML', () => {
    const started = Date.now();
    findHtmlQuoteStart(fill('<blockquote><hr><div class="gmail_quote">'));
    findHtmlQuoteStart(fill('<p>x</p><hr>'));
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
