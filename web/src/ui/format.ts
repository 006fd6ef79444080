// Small formatting helpers shared by list, timeline and panel.
import type { ConversationSummary } from '../api/types.ts';

export function contactLabel(c: { name: string | null; email: string | null; phone: string | null }): string {
  return c.name?.trim() || c.email || c.phone || 'Unknown contact';
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts.at(-1)![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5m", "3h", "2d", then a date. Compact, for list rows. */
export function relativeTime(iso: string, now: number): string {
  const t = Date.parse(iso);
  const diff = now - t;
  if (diff < MINUTE) return 'now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}m`;
  if (diff < DAY) return `${Math.floor(diff / HOUR)}h`;
  if (diff < 7 * DAY) return `${Math.floor(diff / DAY)}d`;
  return new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(new Date(t).getFullYear() !== new Date(now).getFullYear() ? { year: 'numeric' } : {}) });
}

/** "1h 20m", "45m", "2d 3h": a duration for SLA badges. */
export function shortDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return '<1m';
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)}m`;
  if (abs < DAY) {
    const m = Math.floor((abs % HOUR) / MINUTE);
    return `${Math.floor(abs / HOUR)}h${m ? ` ${m}m` : ''}`;
  }
  const h = Math.floor((abs % DAY) / HOUR);
  return `${Math.floor(abs / DAY)}d${h ? ` ${h}h` : ''}`;
}

export function fullTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function previewOf(c: ConversationSummary): string {
  const m = c.lastMessage;
  if (!m) return '';
  const text = m.text.replace(/\s+/g, ' ').trim();
  if (m.kind === 'note') return `Note: ${text}`;
  if (m.direction === 'out') return `You: ${text}`;
  return text;
}

export const statusLabel: Record<string, string> = { open: 'Open', pending: 'Pending', snoozed: 'Snoozed', resolved: 'Resolved' };

/** `datetime-local` wants local time without a zone. */
export function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
