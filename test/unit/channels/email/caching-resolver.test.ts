import { describe, expect, it } from 'vitest';
import type { DNSResolver } from 'mailauth';
import { createCachingResolver, DNS_CACHE_TTL_MS } from '../../../../channels/email/caching-resolver.ts';

const failure = (code: string) => Object.assign(new Error(`queryTxt ${code}`), { code });

/** A nameserver that counts questions and answers from `zone`, keyed "TYPE name" (a string there: the error code it fails with). */
function countingDns(zone: Record<string, string[][] | string>) {
  const asked: string[] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> = Promise.resolve();
  const resolve: DNSResolver = async (name, rrtype) => {
    asked.push(`${rrtype} ${name}`);
    await gate;
    const answer = zone[`${rrtype} ${name}`];
    if (answer === undefined) throw failure('ENOTFOUND');
    if (typeof answer === 'string') throw failure(answer);
    return answer;
  };
  return {
    resolve,
    asked,
    /** Holds every answer until `open()`. */
    hold() {
      gate = new Promise((r) => (release = r));
    },
    open: () => release(),
  };
}

describe('the SMTP edge DNS cache', () => {
  it('asks the nameserver once for concurrent questions about the same name and type', async () => {
    const dns = countingDns({ 'TXT example.com': [['v=spf1 -all']] });
    const resolver = createCachingResolver({ resolve: dns.resolve });
    dns.hold();
    const answers = Promise.all([resolver('example.com', 'TXT'), resolver('EXAMPLE.com.', 'TXT'), resolver('example.com', 'MX')]);
    dns.open();
    await expect(answers).rejects.toMatchObject({ code: 'ENOTFOUND' }); // MX has no record in the zone
    expect(dns.asked).toEqual(['TXT example.com', 'MX example.com']);
    await expect(resolver('example.com', 'TXT')).resolves.toEqual([['v=spf1 -all']]);
    expect(dns.asked).toHaveLength(2);
  });

  it('keeps answers and "does not exist" for the TTL, then asks again', async () => {
    let now = 1_000_000;
    const dns = countingDns({ 'TXT example.com': [['v=spf1 -all']] });
    const resolver = createCachingResolver({ resolve: dns.resolve, now: () => now });
    await resolver('example.com', 'TXT');
    await expect(resolver('_dmarc.example.com', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    now += DNS_CACHE_TTL_MS - 1;
    await resolver('example.com', 'TXT');
    await expect(resolver('_dmarc.example.com', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(dns.asked).toHaveLength(2);
    now += 1;
    await resolver('example.com', 'TXT');
    await expect(resolver('_dmarc.example.com', 'TXT')).rejects.toThrow();
    expect(dns.asked).toHaveLength(4);
  });

  it('does not keep a timeout or a server failure: the next message asks again', async () => {
    const dns = countingDns({ 'TXT slow.example': 'ETIMEOUT', 'TXT broken.example': 'ESERVFAIL' });
    const resolver = createCachingResolver({ resolve: dns.resolve });
    for (let i = 0; i < 2; i++) {
      await expect(resolver('slow.example', 'TXT')).rejects.toMatchObject({ code: 'ETIMEOUT' });
      await expect(resolver('broken.example', 'TXT')).rejects.toMatchObject({ code: 'ESERVFAIL' });
    }
    expect(dns.asked).toEqual(['TXT slow.example', 'TXT broken.example', 'TXT slow.example', 'TXT broken.example']);
  });

  it('gives every caller its own copy of the records', async () => {
    const dns = countingDns({ 'TXT example.com': [['v=spf1 ', '-all'], ['other']] });
    const resolver = createCachingResolver({ resolve: dns.resolve });
    const first = (await resolver('example.com', 'TXT')) as string[][];
    first.reverse();
    first[0]!.push('changed');
    await expect(resolver('example.com', 'TXT')).resolves.toEqual([['v=spf1 ', '-all'], ['other']]);
  });
});
