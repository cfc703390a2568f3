import { isIPv6 } from 'node:net';
import type { Request } from 'express';
import { normaliseEmail } from '@qn/domain';

/**
 * The client a request counts under: an IPv4 address as it is, an IPv6 address by its /64
 * (one household or one server gets a whole /64 and picks addresses from it at will), an
 * IPv4-mapped IPv6 address as the IPv4 it maps.
 */
export function clientKeyOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The client's address (its /64 for IPv6) as express sees it behind the configured `trust proxy`. */
export function byClientAddress(req: Request): string[] {
  return req.ip ? [clientKeyOf(req.ip)] : [];
}

/**
 * An address as a limit counts it: normalised, and without a `+tag` in its local part, since
 * `anna+1@…` and `anna+2@…` reach the same mailbox.
 */
export function limitAddressOf(email: string): string {
  const normalised = normaliseEmail(email);
  const at = normalised.lastIndexOf('@');
  return normalised.slice(0, at).replace(/\+.*$/, '') + normalised.slice(at);
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The address in a body field (`email` by default); nothing when it is missing or not an address. */
export function byEmailField(field = 'email'): (req: Request) => string[] {
  return (req) => {
    const v = (req.body as Record<string, unknown> | undefined)?.[field];
    return typeof v === 'string' && v.length <= 320 && ADDRESS.test(v.trim()) ? [limitAddressOf(v)] : [];
  };
}

/**
 * The address together with the client: a stranger sending someone's address from elsewhere
 * uses up their own allowance, never the owner's (no lock-out by a third party).
 */
export function byEmailFieldAndClient(field = 'email'): (req: Request) => string[] {
  const emails = byEmailField(field);
  return (req) => {
    const client = byClientAddress(req)[0] ?? '';
    return emails(req).map((e) => `${e}|${client}`);
  };
}
