// Conversations nobody owns yet, in the order routing will place them. Each row can be given to an
// agent: pick one and press Assign (works from the keyboard), or drag the row onto an agent.
import { useState } from 'react';
import type { BoardAgent, ConversationSummary } from '../api/types.ts';
import { SlaBadge } from '../inbox/sla-badge.tsx';
import { inboxPath, navigate } from '../router.ts';
import { ChannelIcon, conversationTitle } from '../ui/channel-icon.tsx';
import { contactLabel, fullTime } from '../ui/format.ts';
import { presenceLabel } from '../ui/presence-dot.tsx';
import { sortAgents } from './agent-list.tsx';
import { humanDuration, liveOffer, waitingSince } from './board-model.ts';
import { DRAG_TYPE, type BoardAssign } from './use-board-assign.ts';

interface Props {
  waiting: ConversationSummary[];
  truncated: boolean;
  agents: BoardAgent[];
  assign: BoardAssign;
  now: number;
}

function AgentPicker({ c, agents, assign }: { c: ConversationSummary; agents: BoardAgent[]; assign: BoardAssign }) {
  const [agentId, setAgentId] = useState('');
  const pending = assign.pending.has(c.id);
  const id = `assign-${c.id}`;
  const groups = (['online', 'away', 'offline'] as const).map((p) => ({ p, list: sortAgents(agents).filter((a) => a.presence === p) })).filter((g) => g.list.length > 0);
  return (
    <form
      className="waiting-assign"
      onSubmit={(e) => {
        e.preventDefault();
        if (agentId) void assign.assign(c.id, agentId).then((ok) => ok && setAgentId(''));
      }}
    >
      <label htmlFor={id} className="sr-only">
        Assign #{c.number} to
      </label>
      <select id={id} className="agent-select" value={agentId} disabled={pending} onChange={(e) => setAgentId(e.target.value)}>
        <option value="">Choose an agent…</option>
        {groups.map((g) => (
          <optgroup key={g.p} label={presenceLabel[g.p]}>
            {g.list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} · {a.load}/{a.capacity}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button type="submit" className="button" disabled={!agentId || pending}>
        {pending ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}

export function WaitingList({ waiting, truncated, agents, assign, now }: Props) {
  const nameOf = (id: string) => agents.find((a) => a.id === id)?.name ?? 'an agent';
  if (waiting.length === 0) return <p className="board-empty" data-testid="waiting-empty">No one is waiting. Every open conversation has an owner.</p>;
  return (
    <>
      <ol className="waiting-list" data-testid="waiting-list">
        {waiting.map((c) => {
          const offer = liveOffer(c, now);
          const error = assign.errors.get(c.id);
          const since = waitingSince(c);
          const href = inboxPath({ view: { kind: 'all' }, status: 'open', channelId: null, conversationId: c.id });
          return (
            <li
              key={c.id}
              className={`waiting-row${assign.pending.has(c.id) ? ' waiting-pending' : ''}`}
              data-waiting-id={c.id}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, c.id);
                e.dataTransfer.setData('text/plain', `#${c.number}`);
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              <div className="waiting-main">
                <div className="row-line">
                  <span className="row-channel">
                    <ChannelIcon kind={c.channel.kind} />
                  </span>
                  <span className={`prio prio-${c.priority}`}>{c.priority}</span>
                  <span className="row-contact">{contactLabel(c.contact)}</span>
                  <a
                    className="waiting-subject"
                    href={href}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(href);
                    }}
                  >
                    {conversationTitle(c)}
                  </a>
                  <span className="row-number">#{c.number}</span>
                </div>
                <div className="row-line waiting-meta">
                  <span>{c.queue ? c.queue.name : 'Not routed yet'}</span>
                  <span title={`Waiting since ${fullTime(since)}`}>waiting {humanDuration((now - Date.parse(since)) / 1000)}</span>
                  <SlaBadge sla={c.sla} now={now} />
                  {offer && (
                    <span className="offer-note">
                      offered to {nameOf(offer.agentId)} · {Math.max(0, Math.ceil((offer.expiresAt - now) / 1000))}s
                    </span>
                  )}
                </div>
                {error && (
                  <div className="waiting-error" role="alert">
                    {error}
                    <button type="button" className="link-button" onClick={() => assign.dismissError(c.id)}>
                      Dismiss
                    </button>
                  </div>
                )}
              </div>
              <AgentPicker c={c} agents={agents} assign={assign} />
            </li>
          );
        })}
      </ol>
      {truncated && <p className="dim small">Showing the first {waiting.length} waiting conversations.</p>}
    </>
  );
}
