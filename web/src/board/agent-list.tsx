// Agents on the board: presence, load against capacity, open conversations. Each row takes a
// waiting conversation dropped on it, and supervisors can set an agent's status from here.
import { useState, type DragEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { PRESENCES, type BoardAgent, type Presence } from '../api/types.ts';
import { Avatar } from '../ui/avatar.tsx';
import { Menu, MenuItem } from '../ui/menu.tsx';
import { PresenceDot } from '../ui/presence-dot.tsx';
import { useToasts } from '../ui/toasts.tsx';
import { DRAG_TYPE } from './use-board-assign.ts';

const PRESENCE_RANK: Record<Presence, number> = { online: 0, away: 1, offline: 2 };

export function sortAgents(agents: BoardAgent[]): BoardAgent[] {
  return [...agents].sort((a, b) => PRESENCE_RANK[a.presence] - PRESENCE_RANK[b.presence] || a.name.localeCompare(b.name));
}

function LoadBar({ load, capacity }: { load: number; capacity: number }) {
  const share = capacity > 0 ? Math.min(1, load / capacity) : 1;
  const level = capacity === 0 || share >= 1 ? 'full' : share >= 0.7 ? 'high' : 'ok';
  return (
    <span className="load">
      <span className={`load-bar load-${level}`} role="meter" aria-label="Load" aria-valuemin={0} aria-valuemax={capacity} aria-valuenow={Math.min(load, capacity)} aria-valuetext={`${load} of ${capacity} units`}>
        <span style={{ width: `${share * 100}%` }} />
      </span>
      <span className="load-text">
        {load}/{capacity}
      </span>
    </span>
  );
}

interface Props {
  agents: BoardAgent[];
  onDropConversation(conversationId: string, agentId: string): void;
}

export function AgentList({ agents, onDropConversation }: Props) {
  const toasts = useToasts();
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  if (agents.length === 0) return <p className="board-empty">No active agents in this workspace.</p>;

  const setPresence = (a: BoardAgent, presence: Presence) => {
    setSaving(a.id);
    api
      .setAgentPresence(a.id, presence)
      .catch((err: unknown) => toasts.error(`Could not set ${a.name}'s status: ${errorMessage(err)}`))
      .finally(() => setSaving(null));
  };
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(DRAG_TYPE);

  return (
    <ul className="agent-list" data-testid="agent-list">
      {sortAgents(agents).map((a) => (
        <li
          key={a.id}
          className={`agent-row${dropTarget === a.id ? ' agent-drop' : ''}`}
          data-agent-id={a.id}
          data-presence={a.presence}
          onDragOver={(e) => {
            if (!accepts(e)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            setDropTarget(a.id);
          }}
          onDragLeave={() => setDropTarget((t) => (t === a.id ? null : t))}
          onDrop={(e) => {
            setDropTarget(null);
            const id = e.dataTransfer.getData(DRAG_TYPE);
            if (!id) return;
            e.preventDefault();
            onDropConversation(id, a.id);
          }}
        >
          <Avatar name={a.name} size={28} />
          <span className="agent-name">{a.name}</span>
          <span className="agent-status">
            <PresenceDot presence={a.presence} label />
            {a.role !== 'agent' && <span className="role-chip">{a.role}</span>}
          </span>
          <LoadBar load={a.load} capacity={a.capacity} />
          <span className="agent-open" title="Open conversations assigned">
            <b>{a.openConversations}</b> open
          </span>
          <Menu label={<span aria-hidden="true">⋯</span>} title={`Set ${a.name}'s status`} className="icon-button agent-menu" align="right">
            {(close) => (
              <>
                <div className="menu-section">Set status</div>
                {PRESENCES.map((p) => (
                  <MenuItem key={p} checked={a.presence === p} disabled={saving === a.id} onSelect={() => (close(), setPresence(a, p))}>
                    <PresenceDot presence={p} label />
                  </MenuItem>
                ))}
              </>
            )}
          </Menu>
        </li>
      ))}
    </ul>
  );
}
