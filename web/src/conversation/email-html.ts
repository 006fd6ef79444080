// Prepares an email's (already server-sanitised) HTML for a sandboxed srcdoc frame: remote images
// are parked in a data attribute until the agent asks for them, cid: images point at our
// attachment download, quoted history is folded away, and a CSP inside the frame is the second lock.
import { attachmentUrl } from '../api/endpoints.ts';
import type { Attachment } from '../api/types.ts';

export interface PreparedEmail {
  srcdoc: string;
  blockedImages: number;
  hasQuote: boolean;
}

const REMOTE = /^\s*https?:/i;
// Where the quoted earlier message is. The server marks it (channels/email/display-html.ts, from
// its per-language table of quote shapes); for messages stored before it did, the mail clients'
// own markers and the shapes that survive sanitising: a top-level blockquote with its "On ...
// wrote:" line, and Outlook's "From: ... Sent:" header block and all after it.
const QUOTE_SELECTORS = ['[data-parley-quote]', 'blockquote[type="cite"]', '.gmail_quote', '.gmail_extra', '.yahoo_quoted', '.moz-cite-prefix', '#divRplyFwdMsg', '#appendonsend'];
const ATTRIBUTION = /(wrote|schrieb|a écrit|escribió|scrisse|schreef|napisał|skrev)\s*:\s*$/i;
const OUTLOOK_HEADER = /^\s*(From|Von|De|Van|Da)\s*:[\s\S]*\b(Sent|Gesendet|Envoyé|Enviado|Verzonden|Inviato|Date|Datum)\s*:/i;

function removeWithFollowing(el: Element): void {
  let next = el.nextSibling;
  while (next) {
    const after = next.nextSibling;
    next.remove();
    next = after;
  }
  const before = el.previousElementSibling;
  if (before?.tagName === 'HR') before.remove();
  el.remove();
}

function findQuotes(body: HTMLElement, hasQuotedText: boolean): { el: Element; rest: boolean }[] {
  const found: { el: Element; rest: boolean }[] = QUOTE_SELECTORS.flatMap((sel) => Array.from(body.querySelectorAll(sel)).map((el) => ({ el, rest: sel.startsWith('#') })));
  // The server's marker starts at the quote itself; the short line introducing it ("... пишет:",
  // "DATE, NAME <addr>:") folds with it.
  for (const marker of Array.from(body.querySelectorAll('[data-parley-quote]'))) {
    const intro = marker.previousElementSibling;
    const text = (intro?.textContent ?? '').trim();
    if (intro && text.endsWith(':') && text.length < 300) found.push({ el: intro, rest: false });
  }
  // Without the server's word that the text quotes an earlier message, a blockquote is content.
  if (!hasQuotedText) return found;
  for (const q of Array.from(body.querySelectorAll('blockquote'))) {
    if (q.parentElement?.closest('blockquote')) continue;
    found.push({ el: q, rest: false });
    const attribution = q.previousElementSibling;
    if (attribution && ATTRIBUTION.test(attribution.textContent ?? '')) found.push({ el: attribution, rest: false });
  }
  const header = Array.from(body.querySelectorAll('p, div')).find((el) => OUTLOOK_HEADER.test(el.textContent ?? '') && (el.textContent ?? '').length < 1200);
  if (header) found.push({ el: header, rest: true });
  return found;
}

function foldQuotes(body: HTMLElement, hasQuotedText: boolean): boolean {
  const quotes = findQuotes(body, hasQuotedText);
  for (const { el, rest } of quotes) {
    if (!el.isConnected) continue;
    if (rest) removeWithFollowing(el);
    else el.remove();
  }
  return quotes.length > 0;
}

const FRAME_STYLE = `
  html { color-scheme: light; }
  body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; overflow-wrap: anywhere; }
  img { max-width: 100%; height: auto; }
  img[data-parley-blocked] { display: inline-block; min-width: 16px; min-height: 16px; background: #eef1f4; outline: 1px dashed #c5ccd3; }
  table { max-width: 100%; }
  pre { white-space: pre-wrap; }
  a { color: #1a5fd0; }
  blockquote { margin: 0 0 0 .5em; padding-left: .75em; border-left: 3px solid #d0d7de; color: #57606a; }
`;

function cidTarget(src: string, attachments: Attachment[]): string | null {
  const cid = decodeURIComponent(src.trim().slice(4)).replace(/^<|>$/g, '');
  const a = attachments.find((x) => x.contentId?.replace(/^<|>$/g, '') === cid);
  return a ? attachmentUrl(a.id) : null;
}

export function prepareEmailHtml(html: string, opts: { attachments: Attachment[]; showImages: boolean; showQuote: boolean; hasQuotedText: boolean }): PreparedEmail {
  // DOMParser documents are inert: nothing in them loads or runs.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let blockedImages = 0;
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    for (const attr of Array.from(img.attributes)) if (/^on/i.test(attr.name)) img.removeAttribute(attr.name);
    img.removeAttribute('srcset');
    const src = img.getAttribute('src') ?? '';
    if (/^\s*cid:/i.test(src)) {
      const url = cidTarget(src, opts.attachments);
      if (url) img.setAttribute('src', url);
      else img.removeAttribute('src');
    } else if (REMOTE.test(src) && !opts.showImages) {
      img.setAttribute('data-parley-src', src.trim());
      img.setAttribute('data-parley-blocked', '');
      img.removeAttribute('src');
      blockedImages++;
    }
  }
  const hasQuote = opts.showQuote ? findQuotes(doc.body, opts.hasQuotedText).length > 0 : foldQuotes(doc.body, opts.hasQuotedText);
  const imgSrc = opts.showImages ? "'self' data: http: https:" : "'self' data:";
  const csp = `default-src 'none'; img-src ${imgSrc}; style-src 'unsafe-inline'; font-src data:`;
  const head = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><base target="_blank"><style>${FRAME_STYLE}</style>`;
  return { srcdoc: `<!doctype html><html><head>${head}</head><body>${doc.body.innerHTML}</body></html>`, blockedImages, hasQuote };
}
