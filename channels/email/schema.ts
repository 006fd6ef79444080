// Settings of an email channel: where we send from (SMTP) and, optionally, a mailbox we poll (IMAP).
import { z } from 'zod';

const tlsOptions = z.object({ rejectUnauthorized: z.boolean().default(true) }).default({ rejectUnauthorized: true });

export const smtpSettingsSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false),
  requireTLS: z.boolean().default(false),
  ignoreTLS: z.boolean().default(false),
  auth: z.object({ user: z.string().min(1), pass: z.string() }).optional(),
  tls: tlsOptions,
});

export const imapSettingsSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(993),
  secure: z.boolean().default(true),
  auth: z.object({ user: z.string().min(1), pass: z.string() }),
  mailbox: z.string().default('INBOX'),
  tls: tlsOptions,
  /**
   * The authserv-ids whose Authentication-Results the provider writes (e.g. mx.google.com). Only
   * those are believed, because anyone can put such a header into a message; by default the IMAP
   * host and its parent domain (imap.example.com, example.com).
   */
  authservIds: z.array(z.string().trim().min(1).toLowerCase()).max(10).optional(),
});

export const emailSettingsSchema = z.object({
  /** Display name on outbound mail, e.g. "Acme Support". */
  fromName: z.string().optional(),
  /** How long a reply refused transiently (451, connection refused, timeout) keeps being retried before it is given up (dead letter); default 120 (5 days). */
  retryForHours: z.number().min(0.01, 'retry for at least 0.01 hours').max(720, 'retry for at most 720 hours (30 days)').optional(),
  smtp: smtpSettingsSchema,
  imap: imapSettingsSchema.optional(),
});

export type EmailSettings = z.infer<typeof emailSettingsSchema>;
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;
export type ImapSettings = z.infer<typeof imapSettingsSchema>;
