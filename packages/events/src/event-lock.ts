import { randomBytes } from 'node:crypto';
import { AppError } from '@qn/domain';
import type { EventsDeps } from './events-deps';
import { redisCall } from './redis-call';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Runs `fn` while holding a short Redis lock on one key (`SET NX PX`), released only by its
 * holder. Every read-modify-write of an event's seats (promotion, pool refill, capacity
 * change) runs under the event's lock, since FerretDB applies no update atomically.
 */
export async function withLock<T>(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  name: string,
  fn: () => Promise<T>,
  opts: { ttlMs?: number; waitMs?: number } = {},
): Promise<T> {
  const key = `${deps.keyPrefix}:lock:${name}`;
  const token = randomBytes(12).toString('hex');
  const ttl = opts.ttlMs ?? 30_000;
  const deadline = Date.now() + (opts.waitMs ?? 20_000);
  let pause = 5;
  while ((await redisCall(deps.redis, () => deps.redis.set(key, token, 'PX', ttl, 'NX'))) !== 'OK') {
    if (Date.now() > deadline) {
      throw new AppError(
        'unavailable',
        'Die Veranstaltung ist gerade ausgelastet. Bitte gleich erneut versuchen.',
        {
          retryAfterSeconds: 2,
        },
      );
    }
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, 100);
  }
  try {
    return await fn();
  } finally {
    await deps.redis.eval(RELEASE, 1, key, token);
  }
}

export function withEventLock<T>(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
  fn: () => Promise<T>,
): Promise<T> {
  return withLock(deps, `event:${eventId}`, fn);
}
