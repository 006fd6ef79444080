// Which Authentication-Results an email's sender proof rests on: the IMAP edge carries over only
// its provider's (by the configured authserv-id) under our id, and normalize believes only ours.
import { describe, expect, it } from 'vitest';
import { parseAuthResults, senderProofOf } from '../../../../channels/email/auth-results.ts';
import { providerAuthservIds } from '../../../../channels/email/imap-poll.ts';
import { normalizeEmail } from '../../../../channels/email/normalize.ts';
import { restampProviderAuthResults } from '../../../../channels/email/stamp-auth-results.ts';
import { imapSettingsSchema } from '../../../../channels/email/schema.ts';

const mail = (authResults: string[]) =>
  Buffer.from([...authResults.map((a) => `Authentication-Results: ${a}`), 'From: Alice <alice@example.com>', 'To: help@acme.test', 'Subject: Hello', 'Message-ID: <m1@example.com>', '', 'Hi', ''].join('\r\n'));

const imapVerdict = async (raw: Buffer, ids: string[]) => (await normalizeEmail(restampProviderAuthResults(raw, ids))).sender;

describe('sender proof of polled (IMAP) mail', () => {
  it('a DMARC pass from the trusted provider authserv-id proves the sender', async () => {
    const raw = mail(['mx.provider.test; dkim=pass header.d=example.com header.s=s1; spf=pass smtp.mailfrom=alice@example.com; dmarc=pass (p=REJECT) header.from=example.com']);
    expect(await imapVerdict(raw, ['mx.provider.test'])).toEqual({ verified: true, reason: 'dmarc=pass for example.com' });
  });

  it('the same pass from an authserv-id that is not the provider’s is a claim', async () => {
    const raw = mail(['mx.attacker.test; dmarc=pass header.from=example.com']);
    expect(await imapVerdict(raw, ['mx.provider.test'])).toMatchObject({ verified: false });
  });

  it('the provider’s topmost verdict counts, not a pass the sender added below it', async () => {
    const raw = mail(['mx.provider.test; spf=fail smtp.mailfrom=alice@example.com; dmarc=fail header.from=example.com', 'mx.provider.test; dmarc=pass header.from=example.com']);
    expect(await imapVerdict(raw, ['mx.provider.test'])).toEqual({ verified: false, reason: 'From example.com not authenticated (dmarc=fail, dkim=none, spf=fail)' });
  });

  it('a header the sender wrote under our own authserv-id is renamed, not believed', async () => {
    const raw = mail(['parley.inbound; dmarc=pass header.from=example.com']);
    const stamped = restampProviderAuthResults(raw, ['mx.provider.test']).toString('latin1');
    expect(stamped).toContain('X-Parley-Untrusted-Authentication-Results: parley.inbound; dmarc=pass');
    expect((await normalizeEmail(stamped)).sender.verified).toBe(false);
  });

  it('mail with no authentication results at all, not stamped by any edge, is a claim', async () => {
    expect((await normalizeEmail(mail([]))).sender).toEqual({ verified: false, reason: 'no authentication results from a trusted server' });
  });

  it('trusts the configured authserv-ids, else the IMAP host and its parent domain', () => {
    const base = { host: 'imap.example.net', auth: { user: 'u', pass: 'p' } };
    expect(providerAuthservIds(imapSettingsSchema.parse(base))).toEqual(['imap.example.net', 'example.net']);
    expect(providerAuthservIds(imapSettingsSchema.parse({ ...base, authservIds: ['MX.Google.com'] }))).toEqual(['mx.google.com']);
    expect(providerAuthservIds(imapSettingsSchema.parse({ ...base, host: '127.0.0.1' }))).toEqual(['127.0.0.1']);
  });
});

describe('senderProofOf', () => {
  const of = (value: string, from = 'alice@example.com') => senderProofOf(parseAuthResults(value), from);

  it('DKIM aligned with the From domain proves it when there is no DMARC verdict; another domain’s does not', () => {
    expect(of('parley.inbound; dkim=pass header.i=@mail.example.com; dmarc=none')).toEqual({ verified: true, reason: 'dkim=pass aligned with example.com' });
    expect(of('parley.inbound; dkim=pass header.d=evil.test; dmarc=none').verified).toBe(false);
  });

  it('a DMARC pass for another domain than the From does not count; comments are ignored', () => {
    expect(of('parley.inbound; dmarc=pass header.from=evil.test').verified).toBe(false);
    expect(of('parley.inbound (dmarc=pass header.from=example.com); spf=softfail smtp.mailfrom=x@evil.test').verified).toBe(false);
  });
});
