// The supervisor board's place in the app (queues, SLA risk, agent load): navigation and access
// are wired; the board itself arrives with its own API.
import { NavSidebar } from '../inbox/nav-sidebar.tsx';
import { isSupervisor, useSession } from '../state/session.tsx';

export function SupervisorPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <div className="app app-board">
      <NavSidebar active="supervisor" onHelp={onHelp} />
      <main className="board" data-testid="supervisor-board">
        <h1 className="list-title">Supervisor board</h1>
        {isSupervisor(me) ? (
          <p className="dim">The live board of queues, SLA risk and agent load is not available in this version of Parley yet.</p>
        ) : (
          <p className="dim">Only supervisors and admins can see the supervisor board.</p>
        )}
      </main>
    </div>
  );
}
