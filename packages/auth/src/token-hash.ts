import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: unguessable, so a plain SHA-256 (no salt, no KDF) is enough to store it. */
export function newToken(prefix = 'qn'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
