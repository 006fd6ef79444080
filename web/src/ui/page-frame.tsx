// The frame of every page beside the inbox (the supervisor board, every settings page): the
// navigation (a column, a rail of icons or a phone's drawer) and the page's main area, whose
// tables fold into labelled cards on phones.
import { useRef, type ReactNode } from 'react';
import { NavSidebar, type NavActive } from '../inbox/nav-sidebar.tsx';
import { useTableCardLabels } from './table-cards.ts';
import '../board/board.css';

export function PageFrame(p: { active: NavActive; testId: string; onHelp(): void; children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  useTableCardLabels(main);
  return (
    <div className="app app-board">
      <NavSidebar active={p.active} onHelp={p.onHelp} />
      <main className="board" data-testid={p.testId} ref={main}>
        {p.children}
      </main>
    </div>
  );
}
