// HTML replies: the visible text is made from the HTML above the client's quote (Outlook's
// divRplyFwdMsg/appendonsend, Hotmail's <hr>, Gmail's gmail_quote, Apple Mail's blockquote
// type=cite, mail.ru's attributed blockquote, Yahoo, Thunderbird, Outlook for Mac), the full HTML
// stays on the message, and forwarded content is kept. Fixtures: test/fixtures/email/quotes (SOURCES.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../../channels/email/normalize.ts';
import { findHtmlQuoteStart, trimEmailBody } from '../../../../channels/email/trim-html-reply.ts';

const quotes = new URL('../../../fixtures/email/quotes/', import.meta.url);
const parse = (name: string) => normalizeEmail(readFileSync(new URL(name, quotes)));

describe('normalizeEmail: HTML replies cut at the quote', () => {
  it.each([
    ['outlook-web-divrplyfwdmsg.eml', 'Thanks, the export works again.', 'Please clear the cache and try the export again.'],
    ['hotmail-hr-stopspelling.eml', 'Hi. I am fine.\n\nThanks,\nAlex', 'Hello! How are you?'],
    ['mail-ru-blockquote.eml', 'Hi. I am fine.\n\nThanks,\nAlex', 'Hello! How are you?'],
    ['gmail-quote-html-only.eml', 'Danke, der Export funktioniert wieder.', 'Bitte leeren Sie den Cache.'],
    ['apple-mail-blockquote-cite.eml', 'Merci, ça marche.', "Videz le cache, s'il vous plaît."],
  ])('%s: the text is the reply, the quote is in quotedText and the html keeps it', async (name, reply, quoted) => {
    const inbound = await parse(name);
    expect(inbound.text).toBe(reply);
    expect(inbound.quotedText).toContain(quoted);
    expect(inbound.html).toContain(quoted.replace("'", '&#39;').slice(0, 12));
  });

  it.each([
    ['gmail-forward.eml', 'Your invoice 2211 of 120 EUR is due on 31 March.'],
    ['outlook-forward-html.eml', 'Your invoice 2211 of 120 EUR is due on 31 March.'],
  ])('%s: a forwarded message stays in the text', async (name, forwarded) => {
    const inbound = await parse(name);
    expect(inbound.text).toContain(forwarded);
    expect(inbound.text).toContain('Billing <billing@vendor.example>');
    expect(inbound.quotedText).toBeNull();
  });
});

// Small shapes of the other clients: [client, html, visible text].
const SHAPES: [string, string, string][] = [
  ['Yahoo yahoo_quoted', '<div>Works now, thanks.</div><div id="yahoo_quoted_1234" class="yahoo_quoted"><div>On Monday, March 3, 2025, 4:20 PM, Acme Support &lt;support@acme.test&gt; wrote:</div><blockquote><div>Clear the cache.</div></blockquote></div>', 'Works now, thanks.'],
  ['Thunderbird moz-cite-prefix', '<p>Works now, thanks.</p><div class="moz-cite-prefix">Am 03.03.25 um 16:20 schrieb Acme Support:<br></div><blockquote type="cite" cite="mid:1@acme.test">Clear the cache.</blockquote>', 'Works now, thanks.'],
  ['Outlook for Mac OLK_SRC_BODY_SECTION', '<div>Works now, thanks.</div><div><br></div><span id="OLK_SRC_BODY_SECTION"><div><b>From: </b>Acme Support &lt;support@acme.test&gt;<br><b>Date: </b>Monday, 3 March 2025 at 16:20<br><b>Subject: </b>Re: export</div><div>Clear the cache.</div></span>', 'Works now, thanks.'],
  ['Yandex attributed blockquote', '<div>Спасибо, работает.</div><div>&nbsp;</div><div>03.03.2025, 16:20, "Acme Support" &lt;support@acme.test&gt;:</div><blockquote><div>Очистите кэш.</div></blockquote>', 'Спасибо, работает.'],
  ['Outlook appendonsend + hr + divRplyFwdMsg (German)', '<div>Funktioniert, danke.</div><div id="appendonsend"></div><hr tabindex="-1"><div id="divRplyFwdMsg"><b>Von:</b> Acme Support &lt;support@acme.test&gt;<br><b>Gesendet:</b> Montag, 3. März 2025 16:20<br><b>An:</b> Sam<br><b>Betreff:</b> AW: Export</div><div>Bitte Cache leeren.</div>', 'Funktioniert, danke.'],
];

describe('trimEmailBody: quote containers of other clients', () => {
  it.each(SHAPES)('%s', (_client, html, visible) => {
    const trimmed = trimEmailBody({ text: '', html });
    expect(trimmed.text).toBe(visible);
    expect(trimmed.quotedText).not.toBeNull();
  });

  it('keeps a blockquote that follows no attribution (the sender quoting something) and a plain <hr>', () => {
    const html = '<p>Our policy says:</p><blockquote>Refunds within 30 days.</blockquote><p>Does that apply?</p><hr><p>Sam</p>';
    expect(findHtmlQuoteStart(html)).toBeNull();
    const text = 'Our policy says:\n\nRefunds within 30 days.\n\nDoes that apply?\n\nSam';
    expect(trimEmailBody({ text, html }).text).toContain('Refunds within 30 days.');
  });

  it('keeps what is inside Thunderbird\'s forward container', () => {
    const html = '<p>See below.</p><div class="moz-forward-container">-------- Forwarded Message --------<table><tr><th>Subject:</th><td>Invoice</td></tr></table><blockquote type="cite">Original text</blockquote><p>Invoice 2211 is due.</p></div>';
    expect(findHtmlQuoteStart(html)).toBeNull();
  });

  it('prefers the text part when it already lacks what the HTML marks as quoted', () => {
    const html = '<div>Fixed, thanks.</div><div class="gmail_quote">On Mon, Mar 3, 2025 at 4:20 PM Acme &lt;support@acme.test&gt; wrote:<blockquote>Clear the cache.</blockquote></div>';
    const text = 'Fixed, thanks.\n\nOn Mon, Mar 3, 2025 at 4:20 PM Acme <support@acme.test> wrote:\n\n> Clear the cache.\n';
    expect(trimEmailBody({ text, html })).toEqual({ text: 'Fixed, thanks.', quotedText: 'On Mon, Mar 3, 2025 at 4:20 PM Acme <support@acme.test> wrote:\n\n> Clear the cache.' });
  });

  it('uses the HTML when the text part still shows the quote (no header the plain rules know)', () => {
    const html = '<div>Fixed, thanks.</div><div id="divRplyFwdMsg"></div><div>Clear the cache and try again, please.</div>';
    const text = 'Fixed, thanks.\n\nClear the cache and try again, please.\n';
    expect(trimEmailBody({ text, html })).toEqual({ text: 'Fixed, thanks.', quotedText: 'Clear the cache and try again, please.' });
  });
});
