// What recording an inbound item takes and gives back, shared by record-inbound.ts and the call
// steps (src/domain/calls), which import it rather than each other.
import type { ContactInbound } from '../../../channels/types.ts';
import type { Channel } from '../../db/client.ts';
import type { ClockTimer } from '../sla/sla-clocks.ts';
import type { ConversationEventView } from '../conversations/conversation-event-view.ts';
import type { AttachmentRow } from './store-attachments.ts';

/** One item from a contact, to record on their timeline; `N` narrows it to the kind a step handles. */
export interface RecordInboundInput<N extends ContactInbound = ContactInbound> {
  inboundEventId: string;
  channel: Channel;
  contactId: string;
  normalized: N;
  threading: 'per-topic' | 'per-contact';
  attachments: AttachmentRow[];
  now: Date;
}

export type RecordOutcome =
  | {
      status: 'processed';
      messageId: string;
      conversationId: string;
      conversationCreated: boolean;
      reopened: boolean;
      needsRouting: boolean;
      slaTimers: ClockTimer[];
      /** false: `messageId` names a message that existed and was updated (a later step of a call). */
      messageCreated?: boolean;
      /** Other messages this item changed (a call's timeline entry when its voicemail arrives). */
      updatedMessageIds?: string[];
      /** Timeline entries the item made (a survey answer), published with the conversation. */
      activity?: ConversationEventView[];
    }
  | { status: 'ignored'; reason: string; conversationId?: string; messageId?: string };
