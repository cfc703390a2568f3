import { createHash, createHmac } from 'node:crypto';

export function registrantKey(secretKey: string, normalisedEmail: string): string {
  return createHmac('sha256', secretKey).update(`calendar-registrant:${normalisedEmail}`).digest('hex');
}

/** Derived, so asking again for the current link gives the same URL without storing it. */
export function personalFeedToken(secretKey: string, key: string, version: number): string {
  return createHmac('sha256', secretKey)
    .update(`calendar-personal-feed:${key}:${version}`)
    .digest('base64url');
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens are 43 base64url characters; anything else is not worth a database lookup. */
export const FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
