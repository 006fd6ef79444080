// Row shapes of customer-message-statements.ts and the message's own parameters ($11-$20), kept
// beside the statements so a column added to one is seen in the other.
import type { InboundMessage } from '../../../channels/types.ts';
import type { Conversation } from '../../db/client.ts';
import { newId } from '../../db/new-id.ts';
import type { StatusDef } from '../conversations/status-definitions.ts';
import type { PolicyColumns } from '../sla/load-policy.ts';
import { inboundMetadata } from './create-inbound-message.ts';
import type { RecordInboundInput } from './inbound-types.ts';

/** The conversation columns the step decides on (conversationColumns). */
export type ThreadRow = Pick<
  Conversation,
  'id' | 'workspaceId' | 'contactId' | 'status' | 'statusKey' | 'priority' | 'assigneeId' | 'teamId' | 'tags' | 'attributes' | 'queuedAt' | 'slaPolicyId' | 'firstResponseAt' | 'waitingSince' | 'resolvedAt' | 'updatedAt'
>;

/** An active SLA policy with its calendar (null: always open), as the facts statement gives it. */
export type PolicyRow = PolicyColumns & { calendar: { timeZone: string; weeklyHours: unknown; holidays: string[] | null } | null };

/** customerMessageFacts: the facts, then the candidate conversation's columns (all null when there is none). */
export type FactsRow = {
  already: { id: string; conversationId: string } | null;
  openStatus: Pick<StatusDef, 'key' | 'label' | 'slaClock'> | null;
  contactTier: string | null;
  policies: PolicyRow[] | null;
  surveyStatus: string | null;
  surveyExpiresAt: Date | null;
  surveyScore: number | null;
  surveyComment: string | null;
  surveyAnsweredAt: Date | null;
} & { [K in keyof ThreadRow]: ThreadRow[K] | null };

/** $11-$20: the message as createInboundMessage writes it, and its attachments. */
export function messageValues(input: RecordInboundInput<InboundMessage>, wall: Date): unknown[] {
  const n = input.normalized;
  const attachments = input.attachments.map((a) => ({ id: newId(wall.getTime()), ...a }));
  return [
    n.subject, n.text, n.quotedText, n.html, n.externalId, n.inReplyTo, n.references, n.sentAt?.toISOString() ?? null,
    JSON.stringify(inboundMetadata(n)), JSON.stringify(attachments),
  ];
}
