// The page an invite or password-reset link opens (/invite/<token>, /reset-password/<token>): who
// it is for, then the name (invites) and a new password twice. Using it logs the person in and
// opens the inbox. A used or expired link says so and points to the login page.
import { useEffect, useState, type FormEvent } from 'react';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import type { AccountLinkInfo } from '../api/types.ts';
import { PasswordFields, PublicCard } from './public-card.tsx';

type Load = { state: 'loading' } | { state: 'ready'; info: AccountLinkInfo } | { state: 'gone'; message: string };

interface Props {
  purpose: 'invite' | 'password_reset';
  token: string;
  onLoggedIn(): Promise<void>;
}

function LinkForm({ info, token, onLoggedIn }: { info: AccountLinkInfo; token: string; onLoggedIn(): Promise<void> }) {
  const invite = info.purpose === 'invite';
  const [name, setName] = useState(info.name);
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
      await accountApi.acceptLink(token, invite ? { name, password } : { password });
      await onLoggedIn();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <form className="login-card" onSubmit={(e) => void submit(e)} aria-label={invite ? 'Join the workspace' : 'Choose a new password'}>
      <PublicCard title={invite ? `Join ${info.workspaceName} on Parley` : 'Choose a new password'} error={error}>
        <p className="public-lead">
          {invite ? 'You were invited as' : 'For'} <b>{info.email}</b>. The link works once, until {new Date(info.expiresAt).toLocaleString()}.
        </p>
        {invite && (
          <label>
            Your name
            <input name="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        )}
        <input type="email" name="email" autoComplete="username" value={info.email} readOnly hidden />
        <PasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
        <button type="submit" className="button-primary login-submit" disabled={busy}>
          {busy ? 'Saving…' : invite ? 'Join and open the inbox' : 'Save and open the inbox'}
        </button>
      </PublicCard>
    </form>
  );
}

export function AccountLinkPage({ purpose, token, onLoggedIn }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    accountApi.accountLink(token).then(
      (info) => live && setLoad(info.purpose === purpose ? { state: 'ready', info } : { state: 'gone', message: 'This link is not for this page.' }),
      (err: unknown) => live && setLoad({ state: 'gone', message: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [token, purpose]);

  return (
    <main className="login">
      {load.state === 'ready' ? (
        <LinkForm info={load.info} token={token} onLoggedIn={onLoggedIn} />
      ) : (
        <div className="login-card">
          <PublicCard title={purpose === 'invite' ? 'Join Parley' : 'Choose a new password'} error={load.state === 'gone' ? load.message : null}>
            {load.state === 'loading' ? (
              <p className="public-lead" role="status">
                Checking the link…
              </p>
            ) : (
              <a className="button login-submit" href="/login">
                Go to the login page
              </a>
            )}
          </PublicCard>
        </div>
      )}
    </main>
  );
}
