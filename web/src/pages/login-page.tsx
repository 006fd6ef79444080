// The login form. Errors are the API's own message ("Email or password is incorrect", ...).
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';

export function LoginPage({ onLoggedIn }: { onLoggedIn(): Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.login(email.trim(), password);
      await onLoggedIn();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-label="Log in">
        <div className="brand login-brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          Parley
        </div>
        <h1>Log in to your inbox</h1>
        {error && (
          <div className="banner banner-error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="button-primary login-submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
