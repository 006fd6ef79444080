// The columns of the contacts export (docs/exports.md): one line per contact that was not merged
// into another. An erased contact stays anonymised ("Erased contact", no address).
import { ERASED_CONTACT_NAME } from '../privacy/erase-contact.ts';
import type { ExportColumn } from './stream-rows.ts';

export interface ContactExportRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tier: string | null;
  lifecycle_stage: string | null;
  tags: string[];
  attributes: unknown;
  identities: string[];
  company_id: string | null;
  company: string | null;
  owner_id: string | null;
  owner: string | null;
  conversation_count: number;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
}

/** What an erased contact reads as wherever a contact appears in an export, whatever the row still holds. */
export const shownContact = (c: { name: string | null; email: string | null; phone: string | null; erased: boolean }) =>
  c.erased ? { name: ERASED_CONTACT_NAME, email: null, phone: null } : { name: c.name, email: c.email, phone: c.phone };

const pii = (r: ContactExportRow) => shownContact({ ...r, erased: r.erased_at !== null });

export const contactColumns: ExportColumn<ContactExportRow>[] = [
  { name: 'id', type: 'string', description: 'The contact’s id', value: (r) => r.id },
  { name: 'name', type: 'string', description: 'Name ("Erased contact" once erased)', value: (r) => pii(r).name },
  { name: 'email', type: 'string', description: 'Email address on the contact card (empty once erased)', value: (r) => pii(r).email },
  { name: 'phone', type: 'string', description: 'Phone number on the contact card, E.164 (empty once erased)', value: (r) => pii(r).phone },
  { name: 'tier', type: 'string', description: 'Customer tier (free text set by agents or the CRM)', value: (r) => (r.erased_at ? null : r.tier) },
  { name: 'lifecycle_stage', type: 'string', description: 'Lifecycle stage (lead, customer ...)', value: (r) => (r.erased_at ? null : r.lifecycle_stage) },
  { name: 'tags', type: 'string[]', description: 'Tags on the contact', value: (r) => (r.erased_at ? [] : r.tags) },
  { name: 'attributes', type: 'json', description: 'Custom attributes (a JSON object)', value: (r) => (r.erased_at ? {} : r.attributes) },
  { name: 'identities', type: 'string[]', description: 'Addresses the contact writes from, as "kind:address" (for example email:ada@example.com)', value: (r) => (r.erased_at ? [] : r.identities) },
  { name: 'company_id', type: 'string', description: 'The id of the company (organisation) the contact belongs to', value: (r) => (r.erased_at ? null : r.company_id) },
  { name: 'company', type: 'string', description: 'The company’s name', value: (r) => (r.erased_at ? null : r.company) },
  { name: 'owner_id', type: 'string', description: 'The id of the agent who owns the relationship', value: (r) => r.owner_id },
  { name: 'owner', type: 'string', description: 'The owner’s name', value: (r) => r.owner },
  { name: 'conversation_count', type: 'integer', description: 'How many conversations the contact has', value: (r) => r.conversation_count },
  { name: 'created_at', type: 'timestamp', description: 'When the contact was created', value: (r) => r.created_at },
  { name: 'updated_at', type: 'timestamp', description: 'When the contact card last changed', value: (r) => r.updated_at },
  { name: 'erased_at', type: 'timestamp', description: 'When the contact was erased on request (empty: not erased)', value: (r) => r.erased_at },
];
