// Macros in one click: the ones the agent may apply (shared and their own), loaded when the menu
// opens.
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { taskApi } from '../api/task-endpoints.ts';
import type { Macro } from '../api/types.ts';
import { Glyph } from '../ui/glyph.tsx';
import { Menu, MenuItem } from '../ui/menu.tsx';
import { macroActionLabel } from './macro-outcome.ts';

function MacroChoices({ onApply }: { onApply(m: Macro): void }) {
  const [macros, setMacros] = useState<Macro[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    taskApi.macros().then((r) => setMacros(r.items), (err: unknown) => setError(errorMessage(err)));
  }, []);
  if (error) return <div className="menu-section">{error}</div>;
  if (!macros) return <div className="menu-section">Loading…</div>;
  if (macros.length === 0) return <div className="menu-section">No macros yet (supervisors add them under Macros).</div>;
  return (
    <>
      <div className="menu-section">Apply a macro</div>
      {macros.map((m) => (
        <MenuItem key={m.id} onSelect={() => onApply(m)}>
          {m.name} <span className="menu-detail">{m.actions.map((a) => macroActionLabel[a.type]).join(' · ')}</span>
        </MenuItem>
      ))}
    </>
  );
}

export function MacroMenu({ onApply }: { onApply(m: Macro): void }) {
  return (
    <Menu label={<><Glyph name="macro" size={16} /> Macros</>} title="Apply a macro" align="right">
      {(close) => <MacroChoices onApply={(m) => (close(), onApply(m))} />}
    </Menu>
  );
}
