// My profile: the name others see, a new password (the current one is needed; every other
// session of mine is logged out), and my sessions (profile-sessions.tsx).
import { useState, type FormEvent } from 'react';
import { FormFooter, SettingsPage } from '../admin/admin-ui.tsx';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import { useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import { SessionsCard } from './profile-sessions.tsx';
import '../admin/accounts.css';

function NameForm() {
  const { me, reloadDirectory } = useSession();
  const toasts = useToasts();
  const [name, setName] = useState(me.name);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await accountApi.updateProfile({ name });
      await reloadDirectory();
      toasts.show({ tone: 'info', text: 'Name saved' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="stack-form board-card" aria-label="Your name" onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">You</h2>
      <p className="field-hint profile-who">
        {me.email} · {me.role}
      </p>
      <label className="stack-field">
        Name
        <input value={name} required maxLength={100} autoComplete="name" onChange={(e) => setName(e.target.value)} />
      </label>
      <FormFooter error={error} saving={saving} canSubmit={!!name.trim() && name.trim() !== me.name} submitLabel="Save name" onCancel={() => setName(me.name)} />
    </form>
  );
}

function PasswordForm() {
  const { me } = useSession();
  const toasts = useToasts();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clear = () => (setCurrent(''), setNext(''), setRepeat(''));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return setError('The two new passwords differ');
    setSaving(true);
    setError(null);
    try {
      const { sessionsEnded } = await accountApi.changePassword({ currentPassword: current, newPassword: next });
      clear();
      toasts.show({ tone: 'info', text: sessionsEnded > 0 ? `Password changed; ${sessionsEnded} other session${sessionsEnded === 1 ? '' : 's'} logged out` : 'Password changed' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="stack-form board-card" aria-label="Change password" onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">Password</h2>
      <input type="email" autoComplete="username" value={me.email} readOnly hidden />
      <label className="stack-field">
        Current password
        <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
      </label>
      <label className="stack-field">
        <span>
          New password <span className="field-hint">(at least 8 characters; your other sessions are logged out)</span>
        </span>
        <input type="password" autoComplete="new-password" required minLength={8} maxLength={200} value={next} onChange={(e) => setNext(e.target.value)} />
      </label>
      <label className="stack-field">
        Repeat the new password
        <input type="password" autoComplete="new-password" required minLength={8} maxLength={200} value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </label>
      <FormFooter error={error} saving={saving} canSubmit={!!current && next.length >= 8} submitLabel="Change password" onCancel={clear} />
    </form>
  );
}

export function ProfilePage({ onHelp }: { onHelp(): void }) {
  return (
    <SettingsPage active="profile" testId="profile-page" allowed denied="" onHelp={onHelp}>
      <div className="board-header">
        <h1 className="list-title">My profile</h1>
      </div>
      <div className="profile-grid">
        <NameForm />
        <PasswordForm />
        <SessionsCard />
      </div>
    </SettingsPage>
  );
}
