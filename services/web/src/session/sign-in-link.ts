import { createHash, randomBytes } from 'node:crypto';
import { safeEqual } from '@qn/auth';

/** 15 minutes, as promised on the page and in the mail. */
export const SIGN_IN_TTL_MS = 15 * 60_000;

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A link token `<id>.<secret>`: the id finds the row, the secret is compared in constant time. */
export function newSignInToken(): { id: string; secret: string; token: string } {
  const id = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `${id}.${secret}` };
}

export function splitSignInToken(token: string): { id: string; secret: string } | null {
  const m = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  return safeEqual(sha256(secret), storedHash);
}
