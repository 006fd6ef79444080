// Makes an email's HTML safe to render in the agent inbox: formatting, tables, links and images
// survive; scripts, styles, frames, forms, event handlers and javascript: URLs do not.
import sanitize from 'sanitize-html';

const SAFE_HREF = /^(?:https?:|mailto:|tel:|#)/i;
const SAFE_IMG_SRC = /^(?:https?:|cid:|data:image\/(?:png|jpe?g|gif|webp|bmp);)/i;
// Plain values only: colours, sizes, keywords, rgb(); nothing with ':' or '/' so no url(...).
const SAFE_STYLE_VALUE = [/^[#\w\s,.%()'"-]+$/];

const ALLOWED_TAGS = [
  ...sanitize.defaults.allowedTags,
  'img', 'font', 'center', 'del', 'ins', 'big', 'tt', 'strike',
];

const STYLED_PROPERTIES = [
  'color', 'background-color', 'font-weight', 'font-style', 'font-size', 'font-family',
  'text-decoration', 'text-align', 'vertical-align',
];

const CELL_ATTRIBUTES = ['colspan', 'rowspan', 'align', 'valign', 'width', 'height', 'bgcolor'];

const OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    '*': ['style', 'dir', 'lang', 'title'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    font: ['color', 'size', 'face'],
    table: ['width', 'border', 'cellpadding', 'cellspacing', 'align', 'bgcolor'],
    td: CELL_ATTRIBUTES,
    th: CELL_ATTRIBUTES,
    tr: ['align', 'valign', 'bgcolor'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    ol: ['start', 'type'],
    blockquote: ['cite'],
  },
  allowedStyles: { '*': Object.fromEntries(STYLED_PROPERTIES.map((p) => [p, SAFE_STYLE_VALUE])) },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
  allowProtocolRelative: false,
  // mailparser joins several HTML parts into one string; keep what lies outside the first <html>.
  enforceHtmlBoundary: false,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'],
  transformTags: {
    a: (tagName, attribs) => {
      const { href, ...rest } = attribs;
      const link: sanitize.Attributes = { ...rest, rel: 'noopener noreferrer nofollow', target: '_blank' };
      if (href !== undefined && SAFE_HREF.test(href.trim())) link.href = href.trim();
      return { tagName, attribs: link };
    },
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src !== undefined && SAFE_IMG_SRC.test(src.trim()) ? { ...rest, src: src.trim() } : rest };
    },
  },
  // An image whose source we dropped would only render as a broken icon.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Sanitised HTML, safe to put into the inbox page. */
export function sanitizeEmailHtml(html: string): string {
  return sanitize(html, OPTIONS).trim();
}
