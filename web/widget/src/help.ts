// "Search help" at the top of the chat before the visitor writes: the workspace's published
// articles that match what they type (the public help center API), each a link to its page, so a
// visitor can find the answer without waiting for an agent. Text only, like every message here.
import { el, setText } from './dom.ts';

export interface HelpBox {
  box: HTMLDivElement;
  input: HTMLInputElement;
  results: HTMLUListElement;
  status: HTMLParagraphElement;
}

interface Hit {
  id: string;
  title: string;
  excerpt: string;
  path: string;
}

const DELAY_MS = 250;

export function createHelpBox(): HelpBox {
  const input = el('input', { type: 'search', name: 'help', placeholder: 'Search help articles…', 'aria-label': 'Search help', maxlength: '200' });
  const results = el('ul', { class: 'help-results', 'aria-label': 'Help articles' });
  const status = el('p', { class: 'help-status', role: 'status' });
  const box = el('div', { class: 'help', hidden: true }, el('label', {}, 'Search help', input), status, results);
  return { box, input, results, status };
}

/** Wires the box to the help center of `workspace` on `server`; shows it until the visitor writes. */
export function startHelpSearch(help: HelpBox, server: string, workspace: string): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let ctrl: AbortController | null = null;
  help.box.hidden = false;

  const show = (hits: Hit[], q: string) => {
    setText(help.status, hits.length ? '' : `No articles found for “${q}”.`);
    help.results.replaceChildren(
      ...hits.map((a) => el('li', {}, el('a', { href: new URL(a.path, server).href, target: '_blank', rel: 'noopener' }, a.title), el('span', { class: 'excerpt' }, a.excerpt))),
    );
  };

  const search = async (q: string) => {
    ctrl?.abort();
    ctrl = new AbortController();
    try {
      const res = await fetch(`${server}/api/help/${encodeURIComponent(workspace)}/search?q=${encodeURIComponent(q)}`, { signal: ctrl.signal });
      if (!res.ok) throw new Error(`status ${res.status}`);
      show(((await res.json()) as { items: Hit[] }).items, q);
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setText(help.status, 'Help search is unavailable right now.');
    }
  };

  help.input.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    const q = help.input.value.trim();
    if (!q) {
      ctrl?.abort();
      help.results.replaceChildren();
      setText(help.status, '');
      return;
    }
    timer = setTimeout(() => void search(q), DELAY_MS);
  });
}

/** Once the visitor has written (or has a conversation already), the chat takes the room. */
export function hideHelp(help: HelpBox): void {
  help.box.hidden = true;
}
