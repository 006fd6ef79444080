// What the knowledge base's full-text search indexes and asks for. Postgres stems Russian, English
// and a few more languages itself (the configuration follows the article's language, see the
// migration 20261204110000_knowledge_base); Chinese, Japanese and Korean have no word breaks its
// parser understands, so their runs of characters are indexed as single characters and bigrams
// ("如何申请退款" -> 如 如何 何 何申 ...) and a query's runs are looked up as bigrams.

/** Languages with a stemming configuration; every other ISO code searches with 'simple'. Keep in step with the migration's CASE. */
export const STEMMED_LANGUAGES = { en: 'english', ru: 'russian', de: 'german', fr: 'french', es: 'spanish', pt: 'portuguese', it: 'italian' } as const;

/** Every configuration a query is parsed with (the index cannot know the query's language). */
export const SEARCH_CONFIGS: readonly string[] = [...new Set([...Object.values(STEMMED_LANGUAGES), 'simple'])];

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

const chars = (run: string) => [...run];

/** Unigrams and bigrams of every CJK run, space separated (what "titleTerms"/"bodyTerms" hold). */
export function cjkIndexTerms(text: string): string {
  const terms: string[] = [];
  for (const [run] of text.matchAll(CJK_RUN)) {
    const cs = chars(run);
    cs.forEach((c, i) => {
      terms.push(c);
      if (i + 1 < cs.length) terms.push(c + cs[i + 1]);
    });
  }
  return terms.join(' ');
}

export interface SearchQueryParts {
  /** The query without its CJK runs, for websearch_to_tsquery in each configuration ('' when none). */
  words: string;
  /** The CJK runs as bigrams (a run of one character as itself), all required. */
  cjk: string[];
}

export function splitSearchQuery(q: string): SearchQueryParts {
  const cjk: string[] = [];
  for (const [run] of q.matchAll(CJK_RUN)) {
    const cs = chars(run);
    if (cs.length === 1) cjk.push(cs[0]!);
    for (let i = 0; i + 1 < cs.length; i++) cjk.push(cs[i]! + cs[i + 1]);
  }
  return { words: q.replace(CJK_RUN, ' ').replace(/\s+/g, ' ').trim(), cjk: [...new Set(cjk)] };
}

/** One line of Markdown as plain text: markup dropped, links kept as their text. */
function plainLine(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(>|[-*+]|\d+[.)])\s+/, '')
    .replace(/[*_`~]+/g, '')
    .trim();
}

/** Markdown as plain text, for excerpts: headings (they repeat the title) and code left out, lines
 * that end without punctuation closed with a full stop (a list reads as sentences). */
export function plainText(markdown: string): string {
  const lines = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\r?\n/)
    .filter((l) => !/^\s{0,3}#{1,6}\s/.test(l))
    .map(plainLine)
    .filter(Boolean);
  return lines.map((l, i) => (i < lines.length - 1 && /[A-Za-z0-9\u0400-\u04FF]$/.test(l) ? `${l}.` : l)).join(' ');
}

/** The first `max` characters of the plain text, cut at a word where there is one. */
export function excerptOf(markdown: string, max = 240): string {
  const text = plainText(markdown);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A URL slug from a title: letters and digits of any script, dashes between words. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'article';
}
