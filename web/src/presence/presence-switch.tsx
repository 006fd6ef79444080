// The agent's status in the sidebar footer: online / away / offline as a radio group (arrow keys
// move, the choice is saved at once), showing what the server holds.
import { PRESENCES } from '../api/types.ts';
import { presenceLabel } from '../ui/presence-dot.tsx';
import { useMyPresence } from './presence-state.tsx';

export function PresenceSwitch() {
  const { presence, saving, set } = useMyPresence();
  const shown = saving ?? presence;
  return (
    <fieldset className="presence-switch" data-testid="presence-switch" data-presence={presence} aria-busy={saving !== null}>
      <legend className="sr-only">Your status</legend>
      {PRESENCES.map((p) => (
        <label key={p} className={`presence-option presence-${p}${shown === p ? ' presence-option-on' : ''}`} title={`Set your status to ${presenceLabel[p].toLowerCase()}`}>
          <input type="radio" name="my-presence" value={p} checked={shown === p} onChange={() => set(p)} />
          <span className="presence-dot" aria-hidden="true" />
          <span className="presence-option-text">{presenceLabel[p]}</span>
        </label>
      ))}
    </fieldset>
  );
}
