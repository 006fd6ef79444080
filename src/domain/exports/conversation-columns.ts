// The columns of the conversations export (docs/exports.md). With messages, CSV repeats the
// conversation's columns on one line per message (a conversation without messages gets one line
// with the message columns empty); JSON nests them as `messages`.
import type { ExportColumn } from './stream-rows.ts';
import { shownContact } from './contact-columns.ts';

export interface ConversationExportRow {
  id: string;
  number: number;
  status: string;
  status_key: string;
  priority: string;
  channel_kind: string;
  channel_name: string;
  contact_id: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_erased_at: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  team_name: string | null;
  queue_name: string | null;
  subject: string | null;
  topic: string | null;
  tags: string[];
  language: string | null;
  message_count: number;
  created_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  last_message_at: string;
  content_erased_at: string | null;
}

/** The message half of a joined line (all null for a conversation without messages). */
export interface MessageExportRow {
  message_id: string | null;
  message_created_at: string | null;
  message_direction: string | null;
  message_kind: string | null;
  message_author_type: 'agent' | 'contact' | 'system' | null;
  message_author_name: string | null;
  message_author_erased: boolean | null;
  message_subject: string | null;
  message_text: string | null;
  message_delivery_status: string | null;
  message_sent_at: string | null;
  message_delivered_at: string | null;
  message_attachment_count: number | null;
}

const contact = (r: ConversationExportRow) => shownContact({ name: r.contact_name, email: r.contact_email, phone: r.contact_phone, erased: r.contact_erased_at !== null });

export const conversationColumns: ExportColumn<ConversationExportRow>[] = [
  { name: 'id', type: 'string', description: 'The conversation’s id', value: (r) => r.id },
  { name: 'number', type: 'integer', description: 'Its number in the workspace (#123 in the inbox)', value: (r) => r.number },
  { name: 'status', type: 'string', description: 'Status category: open, pending, snoozed or resolved', value: (r) => r.status },
  { name: 'status_key', type: 'string', description: 'The workspace’s own status within the category (Settings > Statuses)', value: (r) => r.status_key },
  { name: 'priority', type: 'string', description: 'low, normal, high or urgent', value: (r) => r.priority },
  { name: 'channel_kind', type: 'string', description: 'Channel kind: email, sms, whatsapp, voice, telegram, webchat', value: (r) => r.channel_kind },
  { name: 'channel_name', type: 'string', description: 'The channel’s name in Parley', value: (r) => r.channel_name },
  { name: 'contact_id', type: 'string', description: 'The customer’s contact id (the contacts export’s id)', value: (r) => r.contact_id },
  { name: 'contact_name', type: 'string', description: 'The customer’s name ("Erased contact" once erased)', value: (r) => contact(r).name },
  { name: 'contact_email', type: 'string', description: 'The customer’s email on their card (empty once erased)', value: (r) => contact(r).email },
  { name: 'contact_phone', type: 'string', description: 'The customer’s phone on their card (empty once erased)', value: (r) => contact(r).phone },
  { name: 'assignee_id', type: 'string', description: 'The assigned agent’s id (empty: unassigned)', value: (r) => r.assignee_id },
  { name: 'assignee_name', type: 'string', description: 'The assigned agent’s name', value: (r) => r.assignee_name },
  { name: 'team_name', type: 'string', description: 'The team it belongs to (empty: no team)', value: (r) => r.team_name },
  { name: 'queue_name', type: 'string', description: 'The routing queue it waits or waited in', value: (r) => r.queue_name },
  { name: 'subject', type: 'string', description: 'Subject (email) or title', value: (r) => r.subject },
  { name: 'topic', type: 'string', description: 'Topic (pre-chat choice, voice menu ...)', value: (r) => r.topic },
  { name: 'tags', type: 'string[]', description: 'Tags on the conversation', value: (r) => r.tags },
  { name: 'language', type: 'string', description: 'Detected or chosen language (BCP 47)', value: (r) => r.language },
  { name: 'message_count', type: 'integer', description: 'How many messages it holds', value: (r) => r.message_count },
  { name: 'created_at', type: 'timestamp', description: 'When it was opened', value: (r) => r.created_at },
  { name: 'first_response_at', type: 'timestamp', description: 'When an agent first answered (empty: not yet)', value: (r) => r.first_response_at },
  { name: 'resolved_at', type: 'timestamp', description: 'When it was last resolved (empty: not resolved)', value: (r) => r.resolved_at },
  { name: 'last_message_at', type: 'timestamp', description: 'When the latest message came or went', value: (r) => r.last_message_at },
  { name: 'content_erased_at', type: 'timestamp', description: 'When its texts were erased (contact erasure or retention); empty: not erased', value: (r) => r.content_erased_at },
];

export const messageColumns: ExportColumn<MessageExportRow>[] = [
  { name: 'message_id', type: 'string', description: 'The message’s id', value: (m) => m.message_id },
  { name: 'message_created_at', type: 'timestamp', description: 'When it was received or written', value: (m) => m.message_created_at },
  { name: 'message_direction', type: 'string', description: 'in (from the customer) or out (from the workspace)', value: (m) => m.message_direction },
  { name: 'message_kind', type: 'string', description: 'message, note (internal), event, auto_reply or bounce', value: (m) => m.message_kind },
  { name: 'message_author_type', type: 'string', description: 'agent, contact or system', value: (m) => m.message_author_type },
  { name: 'message_author_name', type: 'string', description: 'The agent’s or the customer’s name ("Erased contact" once erased)', value: (m) => (m.message_author_erased ? shownContact({ name: null, email: null, phone: null, erased: true }).name : m.message_author_name) },
  { name: 'message_subject', type: 'string', description: 'The message’s own subject (email)', value: (m) => m.message_subject },
  { name: 'message_text', type: 'string', description: 'The text (plain; empty once the content was erased)', value: (m) => m.message_text },
  { name: 'message_delivery_status', type: 'string', description: 'Outbound only: queued, sending, sent, delivered, read, failed or uncertain', value: (m) => m.message_delivery_status },
  { name: 'message_sent_at', type: 'timestamp', description: 'Outbound: when the provider accepted it', value: (m) => m.message_sent_at },
  { name: 'message_delivered_at', type: 'timestamp', description: 'Outbound: when the provider reported it delivered', value: (m) => m.message_delivered_at },
  { name: 'message_attachment_count', type: 'integer', description: 'How many files it carries', value: (m) => m.message_attachment_count },
];

/** JSON with messages: each message as an object of the message columns, without the `message_` prefix. */
export const nestedMessageColumns: ExportColumn<MessageExportRow>[] = messageColumns.map((c) => ({ ...c, name: c.name.replace(/^message_/, '') }));
