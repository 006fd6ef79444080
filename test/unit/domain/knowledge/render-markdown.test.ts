// Articles are Markdown rendered to HTML that can never carry a script: everything is escaped
// before the few constructs are turned into tags, and the result is sanitized again.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../src/domain/knowledge/render-markdown.ts';

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, lists, quotes, code, emphasis and links', () => {
    const html = renderMarkdown('## Hours\n\nFrom **9** to *18*.\nSecond line\n\n- a\n- b\n\n1. one\n\n> quoted\n\n```\nx < y\n```\n\n[Site](https://example.com)');
    expect(html).toContain('<h2>Hours</h2>');
    expect(html).toContain('<p>From <strong>9</strong> to <em>18</em>.<br />Second line</p>');
    expect(html).toContain('<ul><li>a</li><li>b</li></ul>');
    expect(html).toContain('<ol><li>one</li></ol>');
    expect(html).toContain('<blockquote><p>quoted</p></blockquote>');
    expect(html).toContain('<pre><code>x &lt; y</code></pre>');
    expect(html).toMatch(/<a [^>]*href="https:\/\/example\.com"[^>]*>Site<\/a>/);
  });

  it('keeps HTML and unsafe links as text', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> <script>alert(1)</script> [x](javascript:alert(1)) ![i](data:text/html,hi)');
    expect(html).not.toMatch(/<img|<script|href="javascript|src="data/);
    expect(html).toContain('&lt;script&gt;');
  });
});
