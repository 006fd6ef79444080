// Row shapes of customer-message-statements.ts and the records its writes take, kept beside the
// statements so a column added to one is seen in the other.
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

/** One message's write as the write statements' records hold it (ISO strings for times). */
export interface WriteRecord {
  n: number;
  conversationId: string;
  workspaceId: string;
  channelId: string;
  contactId: string;
  messageId: string;
  now: string;
  wall: string;
  statusKey: string;
  attributes: object;
  policyId: string | null;
  topic: string | null;
  subject: string | null;
  text: string | null;
  quotedText: string | null;
  html: string | null;
  externalId: string | null;
  inReplyTo: string | null;
  references: string[];
  sentAt: string | null;
  metadata: unknown;
  attachments: object[];
  inboundEventId: string | null;
  created: object[];
  resumed: object[];
  entries: object[];
}

/** The message's own fields as createInboundMessage writes them, and its attachments. */
export function messageFields(input: RecordInboundInput<InboundMessage>, wall: Date) {
  const n = input.normalized;
  return {
    subject: n.subject, text: n.text, quotedText: n.quotedText, html: n.html, externalId: n.externalId, inReplyTo: n.inReplyTo,
    references: n.references, sentAt: n.sentAt?.toISOString() ?? null, metadata: inboundMetadata(n),
    attachments: input.attachments.map((a) => ({ id: newId(wall.getTime()), ...a })),
  } satisfies Partial<WriteRecord>;
}
