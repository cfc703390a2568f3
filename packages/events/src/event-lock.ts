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
): Promise<T> {
  return withLock(deps, `event:${eventId}`, fn);
}
