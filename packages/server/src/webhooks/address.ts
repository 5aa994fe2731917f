import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where webhook receivers may not be (server-side request forgery): private, loopback,
 * link-local (cloud metadata at 169.254.169.254 among them), unique-local, carrier-grade NAT,
 * multicast, reserved and documentation ranges, and the unspecified address — in IPv4 and IPv6,
 * IPv4-mapped and NAT64 forms included.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
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
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`), if any. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = lower.match(/^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) return dotted[1];
  const hex = lower.match(/^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (!hex) return undefined;
  const [hi, lo] = [Number.parseInt(hex[1]!, 16), Number.parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Why `address` (a literal IP) may not receive webhooks, or `undefined` when it may. */
export function blockedAddressReason(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  const v4 = family === 6 ? embeddedIpv4(address) : address;
  const blocked = v4 && isIP(v4) === 4 ? BLOCKED.check(v4, 'ipv4') : BLOCKED.check(address, 'ipv6');
  return blocked ? `${address} is a private, loopback, link-local, multicast or reserved address` : undefined;
}

/** The host of a URL without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Why `url` may not receive webhooks, judged on the URL alone (at save): not `https:` (`http:`
 * only when private receivers are allowed), or a literal private address or `localhost`.
 * `undefined` when it may (names are resolved and checked again at every send).
 */
export function receiverUrlProblem(raw: string, allowPrivate: boolean): string | undefined {
  const url = new URL(raw);
  if (allowPrivate) return undefined;
  if (url.protocol !== 'https:') return 'must be an https: URL';
  const host = hostOf(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is a loopback name`;
  if (isIP(host)) return blockedAddressReason(host);
  return undefined;
}

/** A resolver: `dns.lookup` by default; tests inject names that resolve to chosen addresses. */
export type Resolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** `dns.lookup` with every address. */
export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * The address to connect to for `url` at send time: its literal IP, or the first address its name
 * resolves to — refused (throws, saying why) when any resolved address is blocked, unless private
 * receivers are allowed. The caller connects to exactly this address (no second resolution
 * between the check and the connection).
 */
export async function resolveReceiver(
  url: URL,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<{ address: string; family: 4 | 6 }> {
  const host = hostOf(url);
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await resolve(host);
  if (addresses.length === 0) throw new Error(`${host} did not resolve`);
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const reason = blockedAddressReason(address);
      if (reason)
        throw new AddressRefusedError(`address refused: ${family ? '' : `${host} resolves to `}${reason}`);
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A receiver refused for its address (server-side request forgery). */
export class AddressRefusedError extends Error {
  override name = 'AddressRefusedError';
}
