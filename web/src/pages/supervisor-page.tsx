// The supervisor board: live queues with traffic lights, the waiting list with assignment (pick or
// drag onto an agent), agents' presence and load, and today's numbers with volume by channel.
import { useCallback } from 'react';
import type { BoardAgent } from '../api/types.ts';
import { AgentList } from '../board/agent-list.tsx';
import { QueueTable } from '../board/queue-table.tsx';
import { TodayTiles } from '../board/today-panel.tsx';
import { useBoardAssign } from '../board/use-board-assign.ts';
import { useBoard } from '../board/use-board.ts';
import { VolumeChart } from '../board/volume-chart.tsx';
import { WaitingList } from '../board/waiting-list.tsx';
import { isSupervisor, useSession } from '../state/session.tsx';
import { PageFrame } from '../ui/page-frame.tsx';
import { useNow } from '../ui/use-now.ts';

const clockTime = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

function presenceSummary(agents: BoardAgent[]): string {
  const count = (p: BoardAgent['presence']) => agents.filter((a) => a.presence === p).length;
  return `${count('online')} online · ${count('away')} away · ${count('offline')} offline`;
}

function Board() {
  const live = useBoard();
  const now = useNow(1000);
  const { removeWaiting, refresh } = live;
  const onAssigned = useCallback(
    (id: string) => {
      removeWaiting(id);
      refresh();
    },
    [removeWaiting, refresh],
  );
  const assign = useBoardAssign(onAssigned);
  const { board, loadedAt } = live;

  if (!board || loadedAt === null) {
    if (live.error) {
      return (
        <div className="banner banner-error" role="alert">
          Could not load the board: {live.error}
          <button type="button" className="link-button" onClick={refresh}>
            Try again
          </button>
        </div>
      );
    }
    return <p className="board-empty">Loading the board…</p>;
  }
  const ageSeconds = Math.max(0, (now - loadedAt) / 1000);
  return (
    <>
      <header className="board-header">
        <h1 className="list-title">Supervisor board</h1>
        <span className="board-updated" data-testid="board-updated">
          <span className="live-dot" aria-hidden="true" /> Updated <time dateTime={new Date(loadedAt).toISOString()}>{clockTime(loadedAt)}</time>
        </span>
        {live.error && (
          <span className="board-stale" role="alert">
            Could not refresh: {live.error}
            <button type="button" className="link-button" onClick={refresh}>
              Retry
            </button>
          </span>
        )}
      </header>
      <TodayTiles today={board.today} />
      <div className="board-grid">
        <section className="board-card area-queues" aria-labelledby="queues-title">
          <h2 id="queues-title" className="board-card-title">
            Queues
          </h2>
          <QueueTable queues={board.queues} ageSeconds={ageSeconds} />
        </section>
        <section className="board-card area-waiting" aria-labelledby="waiting-title" data-testid="waiting">
          <div className="board-card-head">
            <h2 id="waiting-title" className="board-card-title">
              Waiting <span className="count-chip">{live.waiting.length}</span>
            </h2>
            <span className="dim small">In routing order. Pick an agent, or drag a row onto one.</span>
          </div>
          <WaitingList waiting={live.waiting} truncated={live.waitingTruncated} agents={board.agents} assign={assign} now={now} />
        </section>
        <div className="area-side">
          <section className="board-card" aria-labelledby="agents-title">
            <div className="board-card-head">
              <h2 id="agents-title" className="board-card-title">
                Agents
              </h2>
              <span className="dim small">{presenceSummary(board.agents)}</span>
            </div>
            <AgentList agents={board.agents} onDropConversation={(c, a) => void assign.assign(c, a)} />
          </section>
          <section className="board-card" aria-labelledby="volume-title">
            <h2 id="volume-title" className="board-card-title">
              Volume today by channel
            </h2>
            <VolumeChart volume={board.today.volumeByHour} />
          </section>
        </div>
      </div>
    </>
  );
}

export function SupervisorPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <PageFrame active="supervisor" testId="supervisor-board" onHelp={onHelp}>
      {isSupervisor(me) ? (
        <Board />
      ) : (
        <>
          <h1 className="list-title">Supervisor board</h1>
          <p className="dim">Only supervisors and admins can see the supervisor board.</p>
        </>
      )}
    </PageFrame>
  );
}
