// The IMAP poller's bookkeeping in `channel.state.imap`: where the last poll stopped and what went
// wrong.

/** Where the next poll starts: UIDs above `lastUid`, valid only while the mailbox keeps `uidValidity`. */
export interface ImapCursor {
  uidValidity: string;
  lastUid: number;
}

export interface ImapStatePatch {
  uidValidity?: string;
  /** null while the first pass over the UNSEEN backlog is not complete. */
  lastUid?: number | null;
  lastPollAt?: string;
  lastError?: { message: string; at: string } | null;
}

export function readImapCursor(state: unknown): ImapCursor | null {
  const imap = isRecord(state) ? state['imap'] : undefined;
  if (!isRecord(imap)) return null;
  const { uidValidity, lastUid } = imap;
  if (typeof uidValidity !== 'string' || typeof lastUid !== 'number') return null;
  return { uidValidity, lastUid };
}

/** The section of `channel.state` the poller keeps (merged in SQL by the runtime, so other sections are never lost). */
export const IMAP_STATE = 'imap';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
