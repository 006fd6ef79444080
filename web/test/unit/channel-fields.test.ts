// How the channel form reads and writes settings by dotted path, and what an edit sends.
import { describe, expect, it } from 'vitest';
import { fieldText, settingsPatch, withField, type Field } from '../../src/admin/channel-fields.ts';

const field = (path: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({ path, label: path, type, ...extra });

describe('channel form fields', () => {
  it('writes nested settings and leaves out empty text', () => {
    let s = withField({}, field('smtp.host', 'text'), ' mail.acme.example ');
    s = withField(s, field('smtp.port', 'number'), '465');
    s = withField(s, field('fromName', 'text'), '   ');
    expect(s).toEqual({ smtp: { host: 'mail.acme.example', port: 465 } });
    expect(withField(s, field('smtp.host', 'text'), '')).toEqual({ smtp: { port: 465 } });
  });

  it('reads lists one per line and checkboxes with their default', () => {
    const topics = field('prechat.topics', 'list');
    const s = withField({}, topics, 'orders\n\n returns \n');
    expect(s).toEqual({ prechat: { topics: ['orders', 'returns'] } });
    expect(fieldText(s, topics)).toBe('orders\nreturns');
    const offline = field('offlineWhenNobodyOnline', 'checkbox', { default: true });
    expect(fieldText({}, offline)).toBe(true);
    expect(withField({}, offline, false)).toEqual({ offlineWhenNobodyOnline: false });
  });

  it('sends null for a field that had a value and was emptied, so the stored one is removed', () => {
    const fields = [field('imap.host', 'text'), field('fromName', 'text')];
    const original = { fromName: 'Acme', imap: { host: 'imap.acme.example' }, smtp: { host: 'x' } };
    const current = withField(original, fields[0]!, '');
    expect(settingsPatch(original, current, fields)).toEqual({ fromName: 'Acme', smtp: { host: 'x' }, imap: { host: null } });
  });
});
