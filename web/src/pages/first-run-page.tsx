// The first-run screen, shown while Parley has no workspace at all: name the workspace and make
// its first admin, then straight into the inbox. The server refuses once any workspace exists, so
// this works once.
import { useState, type FormEvent } from 'react';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import { PasswordFields, PublicCard } from './public-card.tsx';

export function FirstRunPage({ onLoggedIn }: { onLoggedIn(): Promise<void> }) {
  const [workspaceName, setWorkspaceName] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) return setError('The two passwords differ');
    setBusy(true);
    setError(null);
    try {
      await accountApi.firstRun({ workspaceName, name, email, password });
      await onLoggedIn();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-label="Set up Parley">
        <PublicCard title="Set up Parley" error={error}>
          <p className="public-lead">Parley has no workspace yet. Name yours and create its first admin: you. Invite your team from Admin → People afterwards.</p>
          <label>
            Workspace name
            <input name="organization" autoComplete="organization" required autoFocus maxLength={80} placeholder="e.g. Acme Support" value={workspaceName} onChange={(e) => setWorkspaceName(e.target.value)} />
          </label>
          <label>
            Your name
            <input name="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Email
            <input type="email" name="email" autoComplete="username" required maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <PasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
          <button type="submit" className="button-primary login-submit" disabled={busy}>
            {busy ? 'Setting up…' : 'Create workspace and log in'}
          </button>
        </PublicCard>
      </form>
    </main>
  );
}
