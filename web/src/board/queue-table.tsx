// Live queues: a traffic light per queue (red: an SLA target missed; amber: close to one, or a long
// wait), how many wait and for how long, by priority, and the agents who could take the work.
import type { BoardQueue, Priority } from '../api/types.ts';
import { humanDuration, queueLight } from './board-model.ts';

const PRIORITY_ORDER: Priority[] = ['urgent', 'high', 'normal', 'low'];

/** `ageSeconds`: how old the board's figures are, so waits keep counting between refreshes. */
export function QueueTable({ queues, ageSeconds }: { queues: BoardQueue[]; ageSeconds: number }) {
  if (queues.length === 0) return <p className="board-empty">No queues yet. Routing creates General the first time it places a conversation.</p>;
  return (
    <div className="table-scroll">
      <table className="board-table queue-table" data-testid="queue-table">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col" className="num">
              Waiting
            </th>
            <th scope="col">Longest wait</th>
            <th scope="col">By priority</th>
            <th scope="col" title="Open conversations of the queue, waiting or already with an agent, whose SLA target is missed or close">SLA (all open)</th>
            <th scope="col">Agents</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => {
            const longest = q.waiting > 0 ? q.longestWaitSeconds + ageSeconds : 0;
            const { light, reason } = queueLight(q, longest);
            return (
              <tr key={q.id} data-queue-name={q.name} data-light={light}>
                <th scope="row">
                  <span className="queue-name">
                    <span className={`light light-${light}`} role="img" aria-label={`${light}: ${reason}`} title={reason} />
                    {q.name}
                    {q.mode === 'offer' && (
                      <span className="mode-chip" title="Agents are offered conversations and accept or decline them">
                        offer
                      </span>
                    )}
                  </span>
                </th>
                <td className="num">
                  <span className="waiting-count" data-testid="queue-waiting">
                    {q.waiting}
                  </span>
                </td>
                <td className={light !== 'green' && longest > 0 ? `wait wait-${light}` : 'wait'}>{q.waiting > 0 ? humanDuration(longest) : <span className="dim">–</span>}</td>
                <td>
                  {q.waiting === 0 ? (
                    <span className="dim">–</span>
                  ) : (
                    <span className="prio-chips">
                      {PRIORITY_ORDER.filter((p) => q.byPriority[p] > 0).map((p) => (
                        <span key={p} className={`prio-chip prio-chip-${p}`} data-priority={p}>
                          {p} <b>{q.byPriority[p]}</b>
                        </span>
                      ))}
                    </span>
                  )}
                </td>
                <td>
                  {q.slaBreached === 0 && q.slaAtRisk === 0 ? (
                    <span className="dim">On track</span>
                  ) : (
                    <span className="sla-counts">
                      {q.slaBreached > 0 && <span className="sla sla-red">{q.slaBreached} breached</span>}
                      {q.slaAtRisk > 0 && <span className="sla sla-amber">{q.slaAtRisk} at risk</span>}
                    </span>
                  )}
                </td>
                <td>
                  <span className={q.eligibleAgents > 0 && q.availableAgents === 0 ? 'agents-busy' : undefined} title="Online agents who meet the queue's requirements, and how many of them have room">
                    <b>{q.availableAgents}</b> available · {q.eligibleAgents} eligible
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
