// Where Parley may connect for a workspace: a host an admin typed (SMTP, IMAP, a custom API's reply
// URL) is resolved, and refused when any of its addresses is loopback, private, link-local (the
// cloud metadata service at 169.254.169.254), CGNAT, unique-local, multicast, unspecified or
// otherwise not public unicast, unless the instance allows private hosts (ALLOW_PRIVATE_HOSTS, for
// self-hosted mail servers). Checked when settings are saved and again on every connection (DNS
// can change); the caller connects to the checked address, so a second lookup cannot swap it.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export interface HostPolicy {
  allowPrivate: boolean;
}

/** `address`: what to connect to (the checked IP, or the host itself when private hosts are allowed). */
export type HostCheck = { ok: true; address: string } | { ok: false; reason: string };

/** Only ordinary public addresses; ipaddr.js names every special-purpose range something else. */
function isPublic(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export async function checkHost(host: string, policy: HostPolicy): Promise<HostCheck> {
  const name = host.trim().replace(/^\[(.*)\]$/, '$1');
  if (name === '') return { ok: false, reason: 'no host given' };
  if (policy.allowPrivate) return { ok: true, address: name };
  let addresses: { address: string }[];
  try {
    addresses = await lookup(name, { all: true, verbatim: true });
  } catch {
    return { ok: false, reason: `${name} could not be resolved` };
  }
  if (addresses.length === 0) return { ok: false, reason: `${name} could not be resolved` };
  // All of them, not the first: a client may try any address a name resolves to.
  if (!addresses.every((a) => isPublic(a.address))) return { ok: false, reason: `${name} is not a public address (loopback, private and link-local hosts are refused on this instance)` };
  return { ok: true, address: addresses[0]!.address };
}
