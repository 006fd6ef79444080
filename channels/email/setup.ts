// What an admin gives for an email channel: the address customers write to, where replies go out
// (SMTP) and, optionally, a mailbox to poll (IMAP).
import { z } from 'zod';
import type { ChannelSetup } from '../types.ts';
import { emailSettingsSchema } from './schema.ts';

const email = z.email();

export const emailSetup: ChannelSetup = {
  settings: emailSettingsSchema,
  outboundHosts(settings) {
    const parsed = emailSettingsSchema.safeParse(settings);
    if (!parsed.success) return [];
    const { smtp, imap } = parsed.data;
    return [{ path: 'smtp.host', host: smtp.host }, ...(imap ? [{ path: 'imap.host', host: imap.host }] : [])];
  },
  canonicalAddress: (raw) => (email.safeParse(raw.trim()).success ? raw.trim().toLowerCase() : null),
  addressIs: 'the email address customers write to',
  addressHint: 'The address customers write to, e.g. help@acme.example',
  form: [
    { path: 'fromName', label: 'Sender name', type: 'text', hint: 'e.g. Acme Support' },
    { path: 'smtp.host', label: 'SMTP host', type: 'text', required: true },
    { path: 'smtp.port', label: 'SMTP port', type: 'number', hint: '587 unless your provider says otherwise' },
    { path: 'smtp.secure', label: 'SMTP over TLS from the start (port 465)', type: 'checkbox' },
    { path: 'smtp.auth.user', label: 'SMTP user', type: 'text' },
    { path: 'smtp.auth.pass', label: 'SMTP password', type: 'secret' },
    { path: 'imap.host', label: 'IMAP host (to poll an existing mailbox)', type: 'text' },
    { path: 'imap.auth.user', label: 'IMAP user', type: 'text' },
    { path: 'imap.auth.pass', label: 'IMAP password', type: 'secret' },
    { path: 'imap.mailbox', label: 'IMAP mailbox', type: 'text', hint: 'INBOX' },
    { path: 'retryForHours', label: 'Keep retrying a reply the mail server refuses for now (hours)', type: 'number', hint: '120 (5 days) unless set; then the reply fails and can be retried by hand' },
  ],
};
