// Pieces the settings pages share: the page frame (navigation, and a line for whoever may not use
// the page) and a form's footer (the server's error, Cancel, the submit button).
import type { ReactNode } from 'react';
import { NavSidebar, type NavPage } from '../inbox/nav-sidebar.tsx';
import '../board/board.css';

export function SettingsPage(p: { active: NavPage; testId: string; allowed: boolean; denied: string; onHelp(): void; children: ReactNode }) {
  return (
    <div className="app app-board">
      <NavSidebar active={p.active} onHelp={p.onHelp} />
      <main className="board" data-testid={p.testId}>
        {p.allowed ? p.children : <p className="dim">{p.denied}</p>}
      </main>
    </div>
  );
}

export function FormFooter(p: { error: string | null; saving: boolean; canSubmit: boolean; submitLabel: string; onCancel(): void }) {
  return (
    <>
      {p.error && (
        <div className="composer-error" role="alert">
          {p.error}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={p.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={p.saving || !p.canSubmit}>
          {p.saving ? 'Saving…' : p.submitLabel}
        </button>
      </div>
    </>
  );
}
