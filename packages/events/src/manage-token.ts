import { createHash, createHmac } from 'node:crypto';

/**
 * A registrant's manage token: HMAC(SECRET_KEY, registration id). Unguessable without the
 * secret, and derivable again by the worker, so every later mail (promotion, reminder, change
 * notice) can carry the link. Only its SHA-256 is stored, to find the registration by it.
 */
export function manageTokenOf(secretKey: string, registrationId: string): string {
  return createHmac('sha256', secretKey).update(`manage:${registrationId}`).digest('base64url');
}

export function hashManageToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The page behind the manage link (services/web); the same token works on /api/events/manage/. */
export function manageUrlOf(deps: { publicUrl: string; secretKey: string }, registrationId: string): string {
  return `${deps.publicUrl}/veranstaltungen/anmeldung/${manageTokenOf(deps.secretKey, registrationId)}`;
}

/** The public event page (services/web), where people register. */
export function eventUrlOf(deps: { publicUrl: string }, eventId: string): string {
  return `${deps.publicUrl}/veranstaltungen/${eventId}`;
}
