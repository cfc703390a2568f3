import { randomBytes } from 'node:crypto';

/** 12 URL-safe characters (72 random bits): short enough for keys, never guessed. */
export function newId(): string {
  return randomBytes(9).toString('base64url');
}
