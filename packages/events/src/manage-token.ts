import { createHash, createHmac } from 'node:crypto';

/**
 * A registrant's manage token: the registration's 12-byte id and the first 20 bytes of
 * HMAC(SECRET_KEY, "manage:" + id), 43 characters of base64url. Unguessable without the
 * secret (160 bits), derivable again by the worker so every later mail can carry the link,
 * and it names its registration: the lookup is one read by `_id` (FerretDB 1.x scans for any
 * other filter), after which the stored SHA-256 of the whole token decides.
 */
export function manageTokenOf(secretKey: string, registrationId: string): string {
  const mac = createHmac('sha256', secretKey).update(`manage:${registrationId}`).digest().subarray(0, 20);
  return Buffer.concat([Buffer.from(registrationId, 'hex'), mac]).toString('base64url');
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The registration id a token names, or null when it cannot be one of ours. Proves nothing by itself. */
export function registrationIdOfManageToken(token: string): string | null {
  if (!TOKEN.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  return raw.length === 32 ? raw.subarray(0, 12).toString('hex') : null;
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
