// Channel settings as the API shows them (secrets redacted) and as an admin's change lands on them.
import { describe, expect, it } from 'vitest';
import { redactSecrets, REDACTED } from '../../../../src/domain/channels/admin-channel-view.ts';
import { mergeSettings } from '../../../../src/domain/channels/manage-channels.ts';

describe('redactSecrets', () => {
  it('hides tokens, passwords and secrets at any depth and keeps the rest', () => {
    const settings = { fromName: 'Acme', smtp: { host: 'mail', auth: { user: 'u', pass: 'p' } }, authToken: 't', webhookSecret: 's', list: [{ apiToken: 'x' }], emptyToken: '' };
    expect(redactSecrets(settings)).toEqual({ fromName: 'Acme', smtp: { host: 'mail', auth: { user: 'u', pass: REDACTED } }, authToken: REDACTED, webhookSecret: REDACTED, list: [{ apiToken: REDACTED }], emptyToken: '' });
  });
});

describe('mergeSettings', () => {
  const stored = { smtp: { host: 'old', port: 25, auth: { user: 'u', pass: 'secret' } }, fromName: 'Acme' };
  it('merges objects key by key, replaces other values and removes keys set to null', () => {
    expect(mergeSettings(stored, { smtp: { host: 'new' }, fromName: null })).toEqual({ smtp: { host: 'new', port: 25, auth: { user: 'u', pass: 'secret' } } });
    expect(mergeSettings(stored, { smtp: 'x' })).toEqual({ smtp: 'x', fromName: 'Acme' });
    // Clearing every field of a section removes the section.
    expect(mergeSettings({ ...stored, imap: { host: 'imap', auth: { user: 'u', pass: 'p' } } }, { imap: { host: null, auth: { user: null, pass: null } } })).toEqual(stored);
  });
  it('keeps the stored secret where REDACTED comes back, and takes a new one', () => {
    expect(mergeSettings(stored, { smtp: { auth: { user: 'v', pass: REDACTED } } })).toEqual({ smtp: { host: 'old', port: 25, auth: { user: 'v', pass: 'secret' } }, fromName: 'Acme' });
    expect(mergeSettings(stored, { smtp: { auth: { pass: 'new' } } })).toMatchObject({ smtp: { auth: { pass: 'new' } } });
  });
  it('refuses REDACTED where no secret is stored, naming the place', () => {
    expect(() => mergeSettings(stored, { imap: { auth: { pass: REDACTED } } })).toThrow('settings.imap.auth.pass: give the value itself');
  });
});
