// A DNS zone for the SMTP edge's sender checks (SPF, DKIM, DMARC) with no internet: every domain
// publishes the test DKIM key under selector `parley-test` (so the harness's customers sign their
// mail and are proven, as real ones with DKIM are), and a test adds SPF / DMARC records of its own.
// Everything else does not exist (ENOTFOUND), as on a network with no such record.
import { generateKeyPairSync } from 'node:crypto';
import type { DNSResolver } from '../../channels/email/authenticate-inbound.ts';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const TEST_DKIM_SELECTOR = 'parley-test';
export const testDkimPrivateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKey = (keys.publicKey.export({ type: 'spki', format: 'der' }) as Buffer).toString('base64');

export interface FakeDns {
  resolver: DNSResolver;
  /** Sets the TXT record(s) of a name (`_dmarc.example.com`, `example.com` for SPF). */
  txt(name: string, ...records: string[]): void;
}

const notFound = (name: string) => Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });

export function createFakeDns(): FakeDns {
  const txt = new Map<string, string[]>();
  const resolver: DNSResolver = async (name, rrtype) => {
    const key = name.toLowerCase().replace(/\.$/, '');
    if (rrtype !== 'TXT') throw notFound(key);
    const records = txt.get(key);
    if (records) return records.map((r) => [r]);
    if (key.startsWith(`${TEST_DKIM_SELECTOR}._domainkey.`)) {
      // Split like a real TXT record (strings of at most 255 characters).
      const value = `v=DKIM1; k=rsa; p=${publicKey}`;
      return [value.match(/.{1,255}/g)!];
    }
    throw notFound(key);
  };
  return { resolver, txt: (name, ...records) => txt.set(name.toLowerCase(), records) };
}

/** nodemailer's per-message DKIM options for mail from `from` ("Name <a@b>" or an address). */
export function testDkimFor(from: string): { domainName: string; keySelector: string; privateKey: string } {
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  return { domainName: address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase(), keySelector: TEST_DKIM_SELECTOR, privateKey: testDkimPrivateKey };
}
