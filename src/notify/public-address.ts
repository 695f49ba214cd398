/**
 * @module
 * Which addresses a webhook may reach: public unicast ones only, so that a
 * supporter's (or a careless operator's) URL cannot make the relay post to
 * its own machine or network (blind SSRF). Loopback, link-local, private,
 * shared (CGNAT), unique-local, multicast, broadcast, unspecified, reserved
 * and documentation ranges are refused, and so are IPv6 forms that carry an
 * IPv4 address (IPv4-mapped ones are judged by that address; 6to4, Teredo
 * and NAT64 ones are refused). Classified with ipaddr.js; pure JavaScript,
 * so it runs on Workers too.
 */
import ipaddr from 'ipaddr.js';

/** Whether `address` (an IPv4 or IPv6 address, brackets allowed) is public unicast. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(bare)) return false;
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

/** Whether a URL's host (as WHATWG URL parsing leaves it) is an IP address literal. */
export function isAddressLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[(.*)\]$/, '$1'));
}

/**
 * Whether a webhook URL's host may be saved: a public address literal, or a
 * name other than `localhost` and its subdomains. Names are resolved, and
 * every address checked, when the relay connects (src/notify/guarded-fetch.ts).
 * WHATWG URL parsing has already turned every IPv4 spelling (`2130706433`,
 * `0177.0.0.1`, `0x7f.1`, `127.1`) into dotted decimal.
 */
export function isPublicHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isAddressLiteral(host)) return isPublicAddress(host);
  return host !== 'localhost' && !host.endsWith('.localhost') && host !== '';
}
