// What the pages outside the inbox share (login, first run, account links): the card's brand,
// title and error line, and a new password typed twice.
import type { ReactNode } from 'react';
import './public.css';

export function PublicCard(p: { title: string; error: string | null; children: ReactNode }) {
  return (
    <>
      <div className="brand login-brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        Parley
      </div>
      <h1>{p.title}</h1>
      {p.error && (
        <div className="banner banner-error" role="alert">
          {p.error}
        </div>
      )}
      {p.children}
    </>
  );
}

export function PasswordFields(p: { password: string; repeat: string; onPassword(v: string): void; onRepeat(v: string): void; label?: string }) {
  return (
    <>
      <label>
        <span>
          {p.label ?? 'Password'} <span className="field-hint">(at least 8 characters)</span>
        </span>
        <input type="password" name="new-password" autoComplete="new-password" required minLength={8} maxLength={200} value={p.password} onChange={(e) => p.onPassword(e.target.value)} />
      </label>
      <label>
        Repeat it
        <input type="password" name="repeat-password" autoComplete="new-password" required minLength={8} maxLength={200} value={p.repeat} onChange={(e) => p.onRepeat(e.target.value)} />
      </label>
    </>
  );
}
