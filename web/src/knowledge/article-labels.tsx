// Names the knowledge base shows for states and languages (the server takes any ISO 639-1 code;
// these are the ones offered).
import type { ArticleState } from '../api/types.ts';

export const STATE_LABELS: Record<ArticleState, string> = { draft: 'Draft', in_review: 'In review', published: 'Published', archived: 'Archived' };
export const ARTICLE_STATES = Object.keys(STATE_LABELS) as ArticleState[];

export const LANGUAGES: { code: string; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ru', name: 'Русский' },
  { code: 'zh', name: '中文' },
  { code: 'de', name: 'Deutsch' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
  { code: 'pt', name: 'Português' },
  { code: 'it', name: 'Italiano' },
  { code: 'ja', name: '日本語' },
  { code: 'ko', name: '한국어' },
];

export const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

export function StateBadge({ state }: { state: ArticleState }) {
  return <span className={`kb-state kb-state-${state}`}>{STATE_LABELS[state]}</span>;
}
