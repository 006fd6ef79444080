// Pieces the settings pages share: the page frame (navigation that fits the screen, tables that
// fold into cards on phones, and a line for whoever may not use the page) and a form's footer (the
// server's error, Cancel, the submit button).
import type { ReactNode } from 'react';
import type { NavActive } from '../inbox/nav-sidebar.tsx';
import { isAdmin, useSession } from '../state/session.tsx';
import { PageFrame } from '../ui/page-frame.tsx';

export function SettingsPage(p: { active: NavActive; testId: string; allowed: boolean; denied: string; onHelp(): void; children: ReactNode }) {
  return (
    <PageFrame active={p.active} testId={p.testId} onHelp={p.onHelp}>
      {p.allowed ? p.children : <p className="dim">{p.denied}</p>}
    </PageFrame>
  );
}

/** A settings page only admins may use; everyone else sees `denied`. */
export function AdminPage(p: { active: NavActive; testId: string; denied: string; onHelp(): void; children: ReactNode }) {
  const { me } = useSession();
  return (
    <SettingsPage active={p.active} testId={p.testId} allowed={isAdmin(me)} denied={p.denied} onHelp={p.onHelp}>
      {p.children}
    </SettingsPage>
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
