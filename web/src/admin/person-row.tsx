// One person on Admin → People: who, role, state, teams, presence, and what can be done with them
// in their state.
import type { Person, PersonState, Team } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { Avatar } from '../ui/avatar.tsx';

export type PersonAction = 'edit' | 'resend' | 'revoke' | 'reset' | 'deactivate' | 'reactivate';

const stateLabel = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' } as const satisfies Record<PersonState, string>;

const actionsFor: Record<PersonState, { action: PersonAction; label: string }[]> = {
  invited: [
    { action: 'edit', label: 'Change' },
    { action: 'resend', label: 'Send invite again' },
    { action: 'revoke', label: 'Revoke' },
  ],
  active: [
    { action: 'edit', label: 'Change' },
    { action: 'reset', label: 'Reset password' },
    { action: 'deactivate', label: 'Deactivate' },
  ],
  deactivated: [
    { action: 'edit', label: 'Change' },
    { action: 'reactivate', label: 'Reactivate' },
  ],
};

function inviteNote(p: Person): string | null {
  if (p.state !== 'invited') return null;
  if (!p.inviteExpiresAt) return 'no link pending';
  return new Date(p.inviteExpiresAt).getTime() < Date.now() ? 'invite expired' : `until ${new Date(p.inviteExpiresAt).toLocaleDateString()}`;
}

export function PersonRow({ person: p, teams, busy, onAction }: { person: Person; teams: Team[]; busy: boolean; onAction(a: PersonAction): void }) {
  const { me } = useSession();
  const note = inviteNote(p);
  const teamNames = p.teamIds.map((id) => teams.find((t) => t.id === id)?.name).filter((n): n is string => !!n);
  return (
    <li className={p.state === 'active' ? 'person-row' : 'person-row person-off'} data-person-id={p.id} aria-label={p.name}>
      <div className="person-main">
        <Avatar name={p.name} size={30} />
        <div className="person-text">
          <div className="person-name">
            {p.name}
            {p.id === me.id && <span className="field-hint"> (you)</span>}
          </div>
          <div className="person-email">{p.email}</div>
        </div>
      </div>
      <div className="person-facts">
        <span className="role-chip">{p.role}</span>
        <span className={`state-pill state-${p.state}`}>
          {stateLabel[p.state]}
          {note && ` · ${note}`}
        </span>
        {p.state === 'active' && <span>{p.presence}</span>}
        {teamNames.map((n) => (
          <span key={n} className="team-chip">
            {n}
          </span>
        ))}
        {p.skills.length > 0 && <span title="Skills">{p.skills.map((s) => `${s.skill} ${s.level}`).join(', ')}</span>}
        {p.languages.length > 0 && <span title="Languages">{p.languages.join(', ')}</span>}
      </div>
      <div className="person-actions">
        {actionsFor[p.state]
          .filter((a) => !(a.action === 'deactivate' && p.id === me.id))
          .map((a) => (
            <button key={a.action} type="button" className="button" disabled={busy} onClick={() => onAction(a.action)}>
              {a.label}
            </button>
          ))}
      </div>
    </li>
  );
}
