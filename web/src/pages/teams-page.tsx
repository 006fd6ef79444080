// Admin → Teams: create, rename, set members and lead, archive (the team leaves every picker; its
// conversations keep it) and restore.
import { useCallback, useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { TeamForm } from '../admin/team-form.tsx';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import type { Team } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import '../admin/accounts.css';

type Editing = { team: Team | null } | null;

function TeamRow({ team, busy, onEdit, onArchive }: { team: Team; busy: boolean; onEdit(): void; onArchive(archived: boolean): void }) {
  const { agents } = useSession();
  const nameOf = (id: string) => agents.find((a) => a.id === id)?.name ?? 'someone';
  const archived = !!team.archivedAt;
  return (
    <li className={archived ? 'person-row person-off' : 'person-row'} aria-label={team.name} data-team-id={team.id}>
      <div className="person-main">
        <div className="person-text">
          <div className="person-name">{team.name}</div>
          <div className="person-email">{team.leadAgentId ? `Lead: ${nameOf(team.leadAgentId)}` : 'No lead'}</div>
        </div>
      </div>
      <div className="person-facts">
        {team.memberIds.length === 0 ? <span>No members</span> : team.memberIds.map((id) => <span key={id} className="team-chip">{nameOf(id)}</span>)}
      </div>
      <div className="person-actions">
        {!archived && (
          <button type="button" className="button" disabled={busy} onClick={onEdit}>
            Change
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => onArchive(!archived)}>
          {archived ? 'Restore' : 'Archive'}
        </button>
      </div>
    </li>
  );
}

function TeamList() {
  const { reloadDirectory } = useSession();
  const toasts = useToasts();
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setTeams((await accountApi.allTeams()).items);
    } catch (err) {
      toasts.error(`Could not load teams: ${errorMessage(err)}`);
    }
  }, [toasts]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const saved = async (t: Team) => {
    setEditing(null);
    toasts.show({ tone: 'info', text: `${t.name} saved` });
    await Promise.all([reload(), reloadDirectory()]);
  };
  const archive = async (t: Team, archived: boolean) => {
    if (archived && !window.confirm(`Archive ${t.name}? It disappears from pickers and team views; its conversations keep it.`)) return;
    setBusy(t.id);
    try {
      await accountApi.updateTeam(t.id, { archived });
      await Promise.all([reload(), reloadDirectory()]);
    } catch (err) {
      toasts.error(`Could not ${archived ? 'archive' : 'restore'} ${t.name}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };
  const row = (t: Team) => <TeamRow key={t.id} team={t} busy={busy === t.id} onEdit={() => setEditing({ team: t })} onArchive={(a) => void archive(t, a)} />;
  const active = teams?.filter((t) => !t.archivedAt) ?? [];
  const archived = teams?.filter((t) => t.archivedAt) ?? [];

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Teams</h1>
        {!editing && (
          <button type="button" className="button-primary" onClick={() => setEditing({ team: null })}>
            Create team
          </button>
        )}
      </div>
      {editing && <TeamForm key={editing.team?.id ?? 'new'} team={editing.team} onSaved={(t) => void saved(t)} onCancel={() => setEditing(null)} />}
      {teams === null ? (
        <p className="board-empty" role="status">
          Loading…
        </p>
      ) : active.length === 0 ? (
        <p className="board-empty">No teams yet. Teams group agents for routing, team inboxes and SLA escalations.</p>
      ) : (
        <ul className="people-list board-card" aria-label="Teams">
          {active.map(row)}
        </ul>
      )}
      {archived.length > 0 && (
        <>
          <h2 className="archived-title">Archived</h2>
          <ul className="people-list board-card" aria-label="Archived teams">
            {archived.map(row)}
          </ul>
        </>
      )}
    </>
  );
}

export function TeamsPage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="teams" testId="teams-page" denied="Only admins can manage teams." onHelp={onHelp}>
      <TeamList />
    </AdminPage>
  );
}
