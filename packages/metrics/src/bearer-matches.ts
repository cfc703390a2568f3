import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares a presented bearer token with the configured one in constant time. */
export function bearerMatches(authorization: string | undefined, expected: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1]!), digest(expected));
}
