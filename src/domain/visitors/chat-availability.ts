// Whether a live chat can be answered now: inside the channel's business hours (a named business
// calendar) and, if the channel asks, with at least one agent online. Otherwise the widget offers
// the offline form (name, email, message).
import type { Deps } from '../../deps.ts';
import { isOpenNow } from '../calls/is-open-now.ts';

export type Availability = { available: true } | { available: false; reason: 'closed' | 'nobody-online' };

export async function chatAvailability(
  deps: Pick<Deps, 'db' | 'log'>,
  input: { workspaceId: string; calendarName: string | undefined; requireOnlineAgent: boolean; now: Date },
): Promise<Availability> {
  if (!(await isOpenNow(deps, { workspaceId: input.workspaceId, calendarName: input.calendarName, at: input.now }))) return { available: false, reason: 'closed' };
  if (input.requireOnlineAgent) {
    const online = await deps.db.agent.count({ where: { workspaceId: input.workspaceId, active: true, presence: 'online' } });
    if (online === 0) return { available: false, reason: 'nobody-online' };
  }
  return { available: true };
}
