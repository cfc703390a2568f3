import { createHmac } from 'node:crypto';
import { hashToken } from '@qn/auth';

export type TokenPurpose = 'confirm' | 'manage' | 'unsubscribe';

/**
 * A subscription's link tokens are HMACs of (purpose, id, salt) under SECRET_KEY: 256 bits
 * nobody can guess, reproducible whenever a mail needs a link, and stored only as hashes so a
 * database leak reveals no working link. A new salt invalidates all of them at once.
 */
export function subscriptionToken(
  purpose: TokenPurpose,
  sub: { _id: string; tokenSalt: string },
  secret: string,
): string {
  return createHmac('sha256', secret)
    .update(`funding:${purpose}:${sub._id}:${sub.tokenSalt}`)
    .digest('base64url');
}

export function tokenHashes(
  sub: { _id: string; tokenSalt: string },
  secret: string,
): { confirmTokenHash: string; manageTokenHash: string; unsubscribeTokenHash: string } {
  return {
    confirmTokenHash: hashToken(subscriptionToken('confirm', sub, secret)),
    manageTokenHash: hashToken(subscriptionToken('manage', sub, secret)),
    unsubscribeTokenHash: hashToken(subscriptionToken('unsubscribe', sub, secret)),
  };
}

/** Shape check before any lookup: 43 base64url characters. */
export function looksLikeToken(t: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(t);
}
