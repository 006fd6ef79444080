// The HTML the inbox shows: the quote trim-html-reply finds is wrapped in one marker the web folds
// (web/src/conversation/email-html.ts), the reply above it is untouched, a forward or a message
// without a quote is only sanitised, and a sender's own data-parley-quote does not survive.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayHtmlOf } from '../../../../channels/email/display-html.ts';
import { normalizeEmail } from '../../../../channels/email/normalize.ts';
import { sanitizeEmailHtml } from '../../../../channels/email/sanitize-html.ts';

const quotes = new URL('../../../fixtures/email/quotes/', import.meta.url);
const parse = (name: string) => normalizeEmail(readFileSync(new URL(name, quotes)));
const marked = (html: string) => /<div data-parley-quote="">([\s\S]*)<\/div>$/.exec(html)?.[1] ?? null;

describe('displayHtmlOf', () => {
  it.each([
    ['outlook-web-divrplyfwdmsg.eml', 'Thanks, the export works again.', 'Please clear the cache'],
    ['hotmail-hr-stopspelling.eml', 'I am fine.', 'Hello! How are you?'],
    ['mail-ru-blockquote.eml', 'I am fine.', 'Hello! How are you?'],
    ['gmail-quote-html-only.eml', 'Danke, der Export funktioniert wieder.', 'Bitte leeren Sie den Cache.'],
  ])('%s: the quote, and only the quote, is inside the marker', async (name, reply, quoted) => {
    const html = (await parse(name)).html!;
    const quote = marked(html);
    expect(quote).toContain(quoted);
    expect(quote).not.toContain(reply);
    expect(html.slice(0, html.indexOf('<div data-parley-quote'))).toContain(reply);
  });

  it('leaves a forward and a message without a quote as the sanitiser makes them', async () => {
    expect(marked((await parse('gmail-forward.eml')).html!)).toBeNull();
    const plain = '<p>Our policy says:</p><blockquote>Refunds within 30 days.</blockquote><p>Does that apply?</p>';
    expect(displayHtmlOf(plain)).toBe(sanitizeEmailHtml(plain));
  });

  it('drops a marker the sender wrote, so nobody hides their words behind it', () => {
    const html = displayHtmlOf('<p>Visible</p><div data-parley-quote="">Hidden claim</div>')!;
    expect(html).not.toContain('data-parley-quote');
    expect(html).toContain('Hidden claim');
  });
});
