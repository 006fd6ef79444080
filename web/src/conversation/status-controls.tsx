// Resolve / reopen in one click (e), pending, and snooze until a chosen time (with an optional reason).
import { useState } from 'react';
import { PRIORITIES, type ConversationStatus, type ConversationSummary, type Priority } from '../api/types.ts';
import { fullTime, toLocalInput } from '../ui/format.ts';
import { Menu, MenuItem } from '../ui/menu.tsx';

interface Props {
  c: ConversationSummary;
  onStatus(status: ConversationStatus, snoozedUntil?: string, snoozeReason?: string): void;
  onPriority(p: Priority): void;
}

function at(hoursFromNow: number): Date {
  return new Date(Date.now() + hoursFromNow * 3_600_000);
}

function nextMorning(daysAhead: number, weekday?: number): Date {
  const d = new Date();
  d.setHours(9, 0, 0, 0);
  if (weekday === undefined) d.setDate(d.getDate() + daysAhead);
  else d.setDate(d.getDate() + (((weekday - d.getDay() + 7) % 7) || 7));
  return d;
}

function SnoozePicker({ onPick }: { onPick(until: Date, reason: string): void }) {
  const [custom, setCustom] = useState(() => toLocalInput(nextMorning(1)));
  const [reason, setReason] = useState('');
  const presets: [string, Date][] = [
    ['In 1 hour', at(1)],
    ['In 4 hours', at(4)],
    ['Tomorrow 9:00', nextMorning(1)],
    ['Monday 9:00', nextMorning(0, 1)],
  ];
  const customDate = new Date(custom);
  const valid = !Number.isNaN(customDate.getTime()) && customDate.getTime() > Date.now();
  return (
    <div className="snooze">
      <div className="menu-section">Snooze until</div>
      <input className="snooze-reason" aria-label="Snooze reason" placeholder="Reason (optional), e.g. waiting on the courier" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      {presets.map(([label, d]) => (
        <MenuItem key={label} onSelect={() => onPick(d, reason.trim())}>
          {label} <span className="menu-detail">{fullTime(d.toISOString())}</span>
        </MenuItem>
      ))}
      <form
        className="snooze-custom"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onPick(customDate, reason.trim());
        }}
      >
        <input type="datetime-local" aria-label="Snooze until" value={custom} min={toLocalInput(new Date())} onChange={(e) => setCustom(e.target.value)} />
        <button type="submit" className="button" disabled={!valid}>
          Snooze
        </button>
      </form>
    </div>
  );
}

export function StatusControls({ c, onStatus, onPriority }: Props) {
  return (
    <div className="status-controls">
      <select className="priority-select" aria-label="Priority" value={c.priority} onChange={(e) => onPriority(e.target.value as Priority)}>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {p[0]!.toUpperCase() + p.slice(1)} priority
          </option>
        ))}
      </select>
      <Menu label={c.status === 'snoozed' && c.snoozedUntil ? `Snoozed · ${fullTime(c.snoozedUntil)}` : 'Snooze'} title="Snooze or set pending" align="right">
        {(close) => (
          <>
            <MenuItem checked={c.status === 'pending'} onSelect={() => (close(), onStatus('pending'))}>
              Pending (waiting on customer)
            </MenuItem>
            <SnoozePicker onPick={(d, reason) => (close(), onStatus('snoozed', d.toISOString(), reason || undefined))} />
          </>
        )}
      </Menu>
      {c.status === 'resolved' ? (
        <button type="button" className="button" onClick={() => onStatus('open')}>
          Reopen
        </button>
      ) : (
        <button type="button" className="button-primary" title="Resolve (e)" onClick={() => onStatus('resolved')}>
          Resolve <kbd>e</kbd>
        </button>
      )}
    </div>
  );
}
