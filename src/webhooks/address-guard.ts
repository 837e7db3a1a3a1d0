// Where a webhook may be sent. A newsroom admin types the URL and the server posts to it, so an
// unchecked URL would let anyone with that role make the server call what only it can reach:
// its own admin pages, the database host, a cloud's metadata address (server-side request
// forgery). Refused, unless the operator allows it (WARTA_WEBHOOKS_ALLOW_PRIVATE): loopback,
// private, link-local, shared (CGNAT), documentation, multicast and reserved ranges, in IPv4 and
// IPv6 (IPv4-mapped IPv6 addresses are judged by their IPv4 part), and the site's own host name.
//
// The check runs twice: when the hook is saved (a clear message for the admin) and on every
// delivery, inside the connection's own DNS lookup, so a name that resolved to a public address
// when saved and to 127.0.0.1 later (DNS rebinding) is still refused, on the address actually
// dialled.
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns';
import { promisify } from 'node:util';

const NOT_PUBLIC_V4 = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const;

const NOT_PUBLIC_V6 = [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const;

const blocked = new BlockList();
for (const [net, prefix] of NOT_PUBLIC_V4) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of NOT_PUBLIC_V6) blocked.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is one anyone on the internet could reach (not private, loopback …). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hexMapped) {
    const high = parseInt(hexMapped[1]!, 16);
    const low = parseInt(hexMapped[2]!, 16);
    return isPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return !blocked.check(address, 'ipv6');
}

/** What a delivery may connect to. */
export interface DestinationRules {
  /** The operator's choice to allow private and loopback addresses (tests, an intranet). */
  readonly allowPrivate: boolean;
  /** Host names of the site itself (its base URL's host): never a webhook's target. */
  readonly ownHosts: readonly string[];
}

/** Why a URL may not be a webhook's target, or undefined when it may. Resolves the host name. */
export async function destinationProblem(raw: string, rules: DestinationRules): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The address is not a valid URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The address must start with https:// or http://.';
  if (url.username !== '' || url.password !== '') return 'The address must not carry a user name or password.';
  const host = hostOf(url);
  if (rules.allowPrivate) return undefined;
  if (rules.ownHosts.some((own) => own.toLowerCase() === host)) return 'The address is this site itself.';
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookupAll(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `The host name ${host} does not resolve.`;
  }
  const inside = addresses.find((a) => !isPublicAddress(a));
  if (inside !== undefined) return `The address leads to ${inside}, a private, loopback or reserved address.`;
  return undefined;
}

/** The URL's host name, lower case, without the brackets of an IPv6 literal or a final dot. */
export function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

const lookupAll = promisify(dnsLookup) as unknown as (
  host: string,
  options: { all: true; verbatim: boolean },
) => Promise<{ address: string; family: number }[]>;

/** The error a delivery's connection fails with when the address it would dial is refused. */
export class RefusedAddressError extends Error {
  constructor(readonly address: string) {
    super(`refused to connect to ${address}: a private, loopback or reserved address`);
  }
}

/**
 * A DNS lookup for `http.request` that refuses any non-public address it resolves to (unless
 * private ones are allowed): the check happens on the very address the socket connects to.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const refused = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new RefusedAddressError(refused.address) as NodeJS.ErrnoException, '', 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`) as NodeJS.ErrnoException, '', 0);
      callback(null, first.address, first.family);
    });
  };
}
