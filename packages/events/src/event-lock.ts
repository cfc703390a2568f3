import { withRedisLock } from '@qn/queue';
import type { EventsDeps } from './events-deps';

/**
 * Every read-modify-write of an event's seats (promotion, pool refill, capacity change) runs
 * under the event's lock, since FerretDB applies no update atomically.
 */
export function withLock<T>(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  name: string,
  fn: () => Promise<T>,
  opts: { ttlMs?: number; waitMs?: number } = {},
): Promise<T> {
  return withRedisLock(deps.redis, `${deps.keyPrefix}:lock:${name}`, fn, {
    ...opts,
    busyMessage: 'Die Veranstaltung ist gerade ausgelastet. Bitte gleich erneut versuchen.',
  });
}

export function withEventLock<T>(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
  fn: () => Promise<T>,
  opts: { waitMs?: number } = {},
): Promise<T> {
  return withLock(deps, `event:${eventId}`, fn, opts);
}

/**
 * A person's or an organiser's own act (a cancellation, an accepted offer) waits its turn
 * rather than failing: up to 50 s, within a proxy's usual 60 s answer timeout.
 */
export const OWN_ACT_WAIT_MS = 50_000;
