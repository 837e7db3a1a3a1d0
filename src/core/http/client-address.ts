// What counts as one client address for per-address limits (new votes, reads per article):
// one subscriber, so that a whole IPv6 network handed to one home or phone is one address.
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The part of an address one subscriber controls: an IPv4 address, or an IPv6 /64 network
 * (a home or phone gets a whole /64, so counting single IPv6 addresses would limit nothing).
 */
export function subscriberOf(address: string): string {
  const ip = address.split('%')[0]!.toLowerCase(); // without an IPv6 zone
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head = '', tail] = ip.split('::');
  // An embedded IPv4 address fills the last two groups.
  const groupsOf = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const groups = [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
