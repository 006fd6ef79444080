// An agent's presence as a coloured dot with its word beside it (colour is never the only cue).
import type { Presence } from '../api/types.ts';

export const presenceLabel: Record<Presence, string> = { online: 'Online', away: 'Away', offline: 'Offline' };

export function PresenceDot({ presence, label = false }: { presence: Presence; label?: boolean }) {
  return (
    <span className={`presence presence-${presence}`} data-presence={presence}>
      <span className="presence-dot" aria-hidden="true" />
      {label ? <span className="presence-label">{presenceLabel[presence]}</span> : <span className="sr-only">{presenceLabel[presence]}</span>}
    </span>
  );
}
