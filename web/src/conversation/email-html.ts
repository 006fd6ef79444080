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
// Where mail clients put the quoted earlier message.
const QUOTE_SELECTORS = ['blockquote[type="cite"]', '.gmail_quote', '.gmail_extra', '.yahoo_quoted', '.moz-cite-prefix', '#divRplyFwdMsg', '#appendonsend', 'div[id^="mail-editor-reference-message"]'];

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

function foldQuotes(body: HTMLElement): boolean {
  let found = false;
  for (const sel of QUOTE_SELECTORS) {
    for (const el of Array.from(body.querySelectorAll(sel))) {
      if (!el.isConnected) continue;
      // Outlook's header block starts the quote: everything after it is history too.
      if (sel === '#divRplyFwdMsg' || sel === '#appendonsend') {
        let next = el.nextSibling;
        while (next) {
          const after = next.nextSibling;
          next.parentNode?.removeChild(next);
          next = after;
        }
      }
      el.remove();
      found = true;
    }
  }
  return found;
}

export function prepareEmailHtml(html: string, opts: { attachments: Attachment[]; showImages: boolean; showQuote: boolean }): PreparedEmail {
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
  const hasQuote = opts.showQuote ? QUOTE_SELECTORS.some((s) => doc.body.querySelector(s)) : foldQuotes(doc.body);
  const imgSrc = opts.showImages ? "'self' data: http: https:" : "'self' data:";
  const csp = `default-src 'none'; img-src ${imgSrc}; style-src 'unsafe-inline'; font-src data:`;
  const head = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><base target="_blank"><style>${FRAME_STYLE}</style>`;
  return { srcdoc: `<!doctype html><html><head>${head}</head><body>${doc.body.innerHTML}</body></html>`, blockedImages, hasQuote };
}
