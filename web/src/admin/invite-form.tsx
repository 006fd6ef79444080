// Inviting someone: email, name, role and teams. The server answers with the one-time link (and
// whether it emailed it); its message names a bad field.
import { useState, type FormEvent } from 'react';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import type { InviteResult, Role } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { FormFooter } from './admin-ui.tsx';
import { CheckList } from './check-list.tsx';

export const ROLES: { role: Role; label: string }[] = [
  { role: 'agent', label: 'Agent: answers conversations' },
  { role: 'supervisor', label: 'Supervisor: also watches the floor and moves work' },
  { role: 'admin', label: 'Admin: also configures Parley and its people' },
];

export function RoleSelect({ value, onChange }: { value: Role; onChange(r: Role): void }) {
  return (
    <label className="stack-field">
      Role
      <select value={value} onChange={(e) => onChange(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r.role} value={r.role}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function InviteForm({ onInvited, onCancel }: { onInvited(result: InviteResult): void; onCancel(): void }) {
  const { teams } = useSession();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onInvited(await accountApi.invite({ email, name, role, teamIds }));
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="stack-form board-card" aria-label="Invite someone" onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">Invite someone</h2>
      <div className="field-row">
        <label className="stack-field">
          Email
          <input type="email" value={email} required maxLength={200} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="stack-field">
          Name
          <input value={name} required maxLength={100} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
      </div>
      <RoleSelect value={role} onChange={setRole} />
      <CheckList legend="Teams" items={teams} label={(t) => t.name} checked={teamIds} onChange={setTeamIds} empty="No teams yet: create them under Admin → Teams." />
      <FormFooter error={error} saving={saving} canSubmit={!!email.trim() && !!name.trim()} submitLabel="Send invitation" onCancel={onCancel} />
    </form>
  );
}
