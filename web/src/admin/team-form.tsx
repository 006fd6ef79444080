// Creating or changing a team: its name, its lead (who gets its SLA escalations) and members.
import { useState, type FormEvent } from 'react';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import type { Team } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { FormFooter } from './admin-ui.tsx';
import { CheckList } from './check-list.tsx';

export function TeamForm({ team, onSaved, onCancel }: { team: Team | null; onSaved(t: Team): void; onCancel(): void }) {
  const { agents } = useSession();
  const [name, setName] = useState(team?.name ?? '');
  const [leadAgentId, setLead] = useState(team?.leadAgentId ?? '');
  const [memberIds, setMembers] = useState(team?.memberIds ?? []);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const people = agents.filter((a) => a.active || team?.memberIds.includes(a.id));
  const leads = agents.filter((a) => a.active);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const body = { name, leadAgentId: leadAgentId || null, memberIds };
      onSaved(team ? await accountApi.updateTeam(team.id, body) : await accountApi.createTeam(body));
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form className="stack-form board-card" aria-label={team ? `Change ${team.name}` : 'Create a team'} onSubmit={(e) => void submit(e)}>
      <h2 className="board-card-title">{team ? `Change ${team.name}` : 'Create a team'}</h2>
      <div className="field-row">
        <label className="stack-field">
          Team name
          <input value={name} required maxLength={80} placeholder="e.g. Billing" onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="stack-field">
          <span>
            Lead <span className="field-hint">(gets the team’s SLA escalations)</span>
          </span>
          <select value={leadAgentId} onChange={(e) => setLead(e.target.value)}>
            <option value="">No lead: supervisors get them</option>
            {leads.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CheckList legend="Members" items={people} label={(a) => a.name} checked={memberIds} onChange={setMembers} empty="Nobody to add yet: invite people under Admin → People." />
      <FormFooter error={error} saving={saving} canSubmit={!!name.trim()} submitLabel={team ? 'Save changes' : 'Create team'} onCancel={onCancel} />
    </form>
  );
}
