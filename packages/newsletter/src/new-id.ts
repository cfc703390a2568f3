import { randomBytes } from 'node:crypto';

/** 12 URL-safe characters (72 random bits) for list, segment and campaign ids. */
export function newId(): string {
  return randomBytes(9).toString('base64url');
}
