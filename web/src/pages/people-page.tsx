// Admin → People: everyone in the workspace with role, teams and state; invite someone (the link
// is shown, and emailed when there is an email channel), change a person, send an invite again,
// reset a password, deactivate (logged out at once, their work goes back to routing) and
// reactivate, revoke an invitation.
import { useCallback, useEffect, useState } from 'react';
import { AdminPage } from '../admin/admin-ui.tsx';
import { InviteForm } from '../admin/invite-form.tsx';
import { LinkNotice } from '../admin/link-notice.tsx';
import { PersonForm } from '../admin/person-form.tsx';
import { PersonRow, type PersonAction } from '../admin/person-row.tsx';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import type { AccountLink, Person, Team } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import '../admin/accounts.css';

type Panel = { kind: 'invite' } | { kind: 'edit'; person: Person } | { kind: 'link'; link: AccountLink; name: string } | null;

const confirmText: Partial<Record<PersonAction, (p: Person) => string>> = {
  deactivate: (p) => `Deactivate ${p.name}? They are logged out at once and their open conversations go back to routing. What they wrote stays theirs.`,
  revoke: (p) => `Revoke the invitation for ${p.name} (${p.email})?`,
  reset: (p) => `Make a password reset link for ${p.name}? Their current password keeps working until they use it.`,
};

function usePeople() {
  const toasts = useToasts();
  const [people, setPeople] = useState<Person[] | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const reload = useCallback(async () => {
    try {
      const [p, t] = await Promise.all([accountApi.people(), accountApi.allTeams()]);
      setPeople(p.items);
      setTeams(t.items);
    } catch (err) {
      toasts.error(`Could not load people: ${errorMessage(err)}`);
    }
  }, [toasts]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { people, teams, reload };
}

/** What the buttons on a person's row do; a link made for them (invite again, reset) opens in the panel. */
function usePersonActions(refresh: () => Promise<void>, showLink: (link: AccountLink, name: string) => void) {
  const toasts = useToasts();
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (p: Person, action: Exclude<PersonAction, 'edit'>) => {
    const ask = confirmText[action];
    if (ask && !window.confirm(ask(p))) return;
    setBusy(p.id);
    try {
      if (action === 'resend') showLink(await accountApi.resendInvite(p.id), p.name);
      else if (action === 'reset') showLink(await accountApi.resetPassword(p.id), p.name);
      else if (action === 'deactivate') await accountApi.deactivate(p.id);
      else if (action === 'reactivate') await accountApi.reactivate(p.id);
      else await accountApi.revokeInvite(p.id);
      await refresh();
    } catch (err) {
      toasts.error(`Could not ${action} ${p.name}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };
  return { busy, act };
}

function PeopleList() {
  const { reloadDirectory } = useSession();
  const toasts = useToasts();
  const { people, teams, reload } = usePeople();
  const [panel, setPanel] = useState<Panel>(null);
  const refresh = async () => {
    await Promise.all([reload(), reloadDirectory()]);
  };
  const { busy, act } = usePersonActions(refresh, (link, name) => setPanel({ kind: 'link', link, name }));

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">People</h1>
        {panel?.kind !== 'invite' && (
          <button type="button" className="button-primary" onClick={() => setPanel({ kind: 'invite' })}>
            Invite someone
          </button>
        )}
      </div>
      {panel?.kind === 'invite' && (
        <InviteForm
          onCancel={() => setPanel(null)}
          onInvited={(r) => {
            setPanel({ kind: 'link', link: r.link, name: r.person.name });
            void refresh();
          }}
        />
      )}
      {panel?.kind === 'link' && <LinkNotice link={panel.link} name={panel.name} onClose={() => setPanel(null)} />}
      {panel?.kind === 'edit' && (
        <PersonForm
          key={panel.person.id}
          person={panel.person}
          teams={teams}
          onCancel={() => setPanel(null)}
          onSaved={(p) => {
            setPanel(null);
            toasts.show({ tone: 'info', text: `${p.name} saved` });
            void refresh();
          }}
        />
      )}
      {people === null ? (
        <p className="board-empty" role="status">
          Loading…
        </p>
      ) : (
        <ul className="people-list board-card" aria-label="People">
          {people.map((p) => (
            <PersonRow key={p.id} person={p} teams={teams} busy={busy === p.id} onAction={(a) => (a === 'edit' ? setPanel({ kind: 'edit', person: p }) : void act(p, a))} />
          ))}
        </ul>
      )}
    </>
  );
}

export function PeoplePage({ onHelp }: { onHelp(): void }) {
  return (
    <AdminPage active="people" testId="people-page" denied="Only admins can manage people." onHelp={onHelp}>
      <PeopleList />
    </AdminPage>
  );
}
