// After an invite or a password reset: the one-time link to pass on (with Copy), and whether
// Parley emailed it, or why not.
import { useState } from 'react';
import type { AccountLink } from '../api/types.ts';

export function LinkNotice({ link, name, onClose }: { link: AccountLink; name: string; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const what = link.purpose === 'invite' ? `Invitation for ${name}` : `Password reset for ${name}`;
  const copy = async () => {
    await navigator.clipboard?.writeText(link.url).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section className="board-card link-notice" aria-label={link.purpose === 'invite' ? 'Invitation link' : 'Password reset link'} role="status">
      <h2 className="board-card-title">{what}</h2>
      <div className="link-row">
        <input aria-label="Link" readOnly value={link.url} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button-quiet" onClick={onClose}>
          Done
        </button>
      </div>
      <p className={link.emailedTo ? 'link-note' : 'link-note link-note-warn'}>
        {link.emailedTo ? `Emailed to ${link.emailedTo}.` : link.emailError} It works once, until {new Date(link.expiresAt).toLocaleString()}.
      </p>
    </section>
  );
}
