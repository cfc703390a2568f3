import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Link tokens are their own proof: the parts they name plus an HMAC under SECRET_KEY, so no
 * token is stored and any mail can be re-rendered with the same links. A confirm token names a
 * nonce that changes with every confirmation request, so only the newest link works.
 *
 *   confirm:     c.<listId>.<addressHash>.<nonce>.<mac>
 *   unsubscribe: u.<listId>.<addressHash>.<mac>
 *   test send:   t.<campaignId>.<addressHash>.<mac>   (the page explains, nothing changes)
 *   click:       k.<campaignId>.<link index>.<mac>    (no address: clicks count per link)
 */
export type LinkToken =
  | { kind: 'c'; listId: string; addressHash: string; nonce: string }
  | { kind: 'u'; listId: string; addressHash: string }
  | { kind: 't'; campaignId: string; addressHash: string }
  | { kind: 'k'; campaignId: string; link: number };

/** What a link token can look like at all: a cheap check before any lookup or MAC. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_.-]{10,400}$/;

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`newsletter|${body}`).digest('base64url').slice(0, 22);
}

function partsOf(t: LinkToken): string[] {
  switch (t.kind) {
    case 'c':
      return ['c', t.listId, t.addressHash, t.nonce];
    case 'u':
      return ['u', t.listId, t.addressHash];
    case 't':
      return ['t', t.campaignId, t.addressHash];
    case 'k':
      return ['k', t.campaignId, String(t.link)];
  }
}

export function signLinkToken(t: LinkToken, secret: string): string {
  const body = partsOf(t).join('.');
  return `${body}.${mac(secret, body)}`;
}

const PART = /^[A-Za-z0-9_-]{1,80}$/;

/** Returns the token's content when its MAC is right, else null; never throws on junk. */
export function verifyLinkToken(token: string, secret: string): LinkToken | null {
  if (typeof token !== 'string' || token.length > 400) return null;
  const parts = token.split('.');
  if (!parts.every((p) => PART.test(p))) return null;
  const given = parts.pop()!;
  const expected = mac(secret, parts.join('.'));
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected)))
    return null;
  const [kind, a, b, c] = parts;
  if (kind === 'c' && parts.length === 4) return { kind, listId: a!, addressHash: b!, nonce: c! };
  if (kind === 'u' && parts.length === 3) return { kind, listId: a!, addressHash: b! };
  if (kind === 't' && parts.length === 3) return { kind, campaignId: a!, addressHash: b! };
  if (kind === 'k' && parts.length === 3 && /^\d{1,4}$/.test(b!))
    return { kind, campaignId: a!, link: Number(b) };
  return null;
}

/** The secret path segment of the bounce webhook: derived, so there is no extra variable. */
export function bounceHookSecret(secret: string): string {
  return createHmac('sha256', secret).update('newsletter|bounce-hook').digest('base64url');
}

export function safeEqualStrings(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
