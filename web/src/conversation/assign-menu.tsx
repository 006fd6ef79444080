// Assignment: to me, to another agent, unassign, and (supervisors) to a team. Agents only see
// what the API lets them do: take an unassigned conversation or hand back their own.
import type { ConversationSummary } from '../api/types.ts';
import { isSupervisor, useSession } from '../state/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Menu, MenuItem } from '../ui/menu.tsx';

interface Props {
  c: ConversationSummary;
  onAssign(body: { assigneeId?: string | null; teamId?: string | null }): void;
}

export function AssignMenu({ c, onAssign }: Props) {
  const { me, agents, teams } = useSession();
  const supervisor = isSupervisor(me);
  const mine = c.assignee?.id === me.id;
  const canTake = supervisor || !c.assignee;
  const canUnassign = c.assignee !== null && (supervisor || mine);
  const label = c.assignee ? (
    <>
      <Avatar name={c.assignee.name} size={18} /> {mine ? 'You' : c.assignee.name}
    </>
  ) : (
    'Unassigned'
  );
  return (
    <Menu label={label} title="Assign" className="button assign-button">
      {(close) => (
        <>
          <MenuItem disabled={!canTake || mine} onSelect={() => (close(), onAssign({ assigneeId: me.id }))}>
            Assign to me
          </MenuItem>
          <MenuItem disabled={!canUnassign} onSelect={() => (close(), onAssign({ assigneeId: null }))}>
            Unassign
          </MenuItem>
          {supervisor && (
            <>
              <div className="menu-section">Agents</div>
              {agents
                .filter((a) => a.active)
                .map((a) => (
                  <MenuItem key={a.id} checked={c.assignee?.id === a.id} onSelect={() => (close(), onAssign({ assigneeId: a.id }))}>
                    {a.name}
                  </MenuItem>
                ))}
              <div className="menu-section">Team</div>
              <MenuItem checked={c.team === null} onSelect={() => (close(), onAssign({ teamId: null }))}>
                No team
              </MenuItem>
              {teams.map((t) => (
                <MenuItem key={t.id} checked={c.team?.id === t.id} onSelect={() => (close(), onAssign({ teamId: t.id }))}>
                  {t.name}
                </MenuItem>
              ))}
            </>
          )}
        </>
      )}
    </Menu>
  );
}
