// Tables fold into cards on phones (board.css): each cell shows its column's heading above its
// value. This labels every body cell under `root` with the text of its column's <th>, and keeps
// doing so as rows come and go, so any table a page renders folds without extra markup.
import { useEffect, type RefObject } from 'react';

function labelCells(root: HTMLElement): void {
  for (const table of root.querySelectorAll('table')) {
    const heads = [...table.querySelectorAll('thead tr:first-child > th')].map((th) => th.textContent?.trim() ?? '');
    if (heads.length === 0) continue;
    for (const row of table.querySelectorAll('tbody > tr')) {
      let column = 0;
      for (const cell of row.children) {
        const label = heads[column] ?? '';
        if (cell.tagName === 'TD' && label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
        column += (cell as HTMLTableCellElement).colSpan || 1;
      }
    }
  }
}

export function useTableCardLabels(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    labelCells(el);
    const observer = new MutationObserver(() => labelCells(el));
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root]);
}
