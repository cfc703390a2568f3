import { createHmac } from 'node:crypto';
import { safeEqual } from '@qn/auth';

/**
 * Synchronizer tokens without server state: the token is an HMAC of what the request is bound
 * to (the session, or before sign-in an anonymous browser id in an HttpOnly cookie). A forged
 * cross-site form cannot know it; a token from another session does not verify.
 */
export function csrfTokenFor(secret: string, binding: string): string {
  return createHmac('sha256', secret).update(`csrf|${binding}`).digest('base64url');
}

export function csrfValid(secret: string, binding: string | undefined, given: unknown): boolean {
  if (!binding || typeof given !== 'string' || given.length > 100) return false;
  return safeEqual(csrfTokenFor(secret, binding), given);
}
