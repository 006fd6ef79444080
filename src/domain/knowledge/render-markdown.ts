// An article's Markdown as HTML for the help page, the widget and the editor's preview: headings,
// paragraphs, lists, quotes, code, emphasis, links and images. Everything is escaped first, and the
// result still goes through the inbox's HTML sanitizer, so an article can never carry a script.
import { sanitizeEmailHtml } from '../../../channels/email/sanitize-html.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SAFE_URL = /^(https?:\/\/|mailto:|\/|#)/i;

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (m, alt: string, src: string) => (SAFE_URL.test(src) ? `<img src="${src}" alt="${alt}">` : m))
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (m, label: string, href: string) => (SAFE_URL.test(href) ? `<a href="${href}" rel="noopener noreferrer">${label}</a>` : m))
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/(^|\W)_([^_\s][^_]*)_(?=\W|$)/g, '$1<em>$2</em>');
}

type Block = { kind: 'p' | 'quote'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] } | { kind: 'code'; lines: string[] } | { kind: 'h'; level: number; text: string };

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const last = out[out.length - 1];
    if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      out.push({ kind: 'code', lines: code });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (heading) out.push({ kind: 'h', level: heading[1]!.length, text: heading[2]! });
    else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const item = (bullet ?? numbered)![1]!;
      if (last?.kind === kind) last.items.push(item);
      else out.push({ kind, items: [item] });
    } else if (quote) {
      if (last?.kind === 'quote') last.lines.push(quote[1]!);
      else out.push({ kind: 'quote', lines: [quote[1]!] });
    } else if (line.trim() === '') out.push({ kind: 'p', lines: [] });
    else if (last?.kind === 'p') last.lines.push(line);
    else out.push({ kind: 'p', lines: [line] });
  }
  return out.filter((b) => !('lines' in b) || b.kind === 'code' || b.lines.length > 0);
}

function renderBlock(b: Block): string {
  switch (b.kind) {
    case 'h':
      return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
    case 'p':
      return `<p>${b.lines.map(inline).join('<br>')}</p>`;
    case 'quote':
      return `<blockquote><p>${b.lines.map(inline).join('<br>')}</p></blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(b.lines.join('\n'))}</code></pre>`;
    case 'ul':
    case 'ol':
      return `<${b.kind}>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${b.kind}>`;
  }
}

export function renderMarkdown(markdown: string): string {
  return sanitizeEmailHtml(blocks(markdown).map(renderBlock).join('\n'));
}
