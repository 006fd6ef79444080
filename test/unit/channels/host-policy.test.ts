// The outbound host policy with the machine's real resolver: literal addresses of every refused
// range, names that resolve to loopback, and the instance switch for self-hosted servers.
import { describe, expect, it } from 'vitest';
import { checkHost } from '../../../channels/host-policy.ts';

const strict = { allowPrivate: false };

describe('checkHost', () => {
  it.each([
    '127.0.0.1',
    '127.1',
    '0x7f000001',
    'localhost',
    '10.0.0.5',
    '172.16.3.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '[::1]',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::',
  ])('refuses %s', async (host) => {
    const check = await checkHost(host, strict);
    expect(check.ok).toBe(false);
  });

  it('answers a public literal address with itself, to connect to', async () => {
    expect(await checkHost('93.184.215.14', strict)).toEqual({ ok: true, address: '93.184.215.14' });
    expect(await checkHost('2606:4700:4700::1111', strict)).toEqual({ ok: true, address: '2606:4700:4700::1111' });
  });

  it('refuses a name that does not resolve, and an empty one, with a reason that names no port or service', async () => {
    const missing = await checkHost('no-such-host.invalid', strict);
    expect(missing).toEqual({ ok: false, reason: 'no-such-host.invalid could not be resolved' });
    expect(await checkHost('  ', strict)).toEqual({ ok: false, reason: 'no host given' });
  });

  it('lets any host through unresolved when the instance allows private hosts', async () => {
    expect(await checkHost('127.0.0.1', { allowPrivate: true })).toEqual({ ok: true, address: '127.0.0.1' });
    expect(await checkHost('mail.internal', { allowPrivate: true })).toEqual({ ok: true, address: 'mail.internal' });
  });
});
