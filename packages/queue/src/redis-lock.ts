import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { AppError } from '@qn/domain';
import { orUnavailable } from './or-unavailable';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * Runs `fn` holding a short Redis lock on `key` (`SET NX PX`, released only by its holder).
 * FerretDB applies no update atomically, so every read-modify-write of one document that two
 * requests or workers may reach at once runs under one of these.
 */
/**
 * How long a waiter sleeps before its next try. The longer it has waited, the more often it
 * tries (from 10–50 ms down to 5–10 ms after two seconds), so under a burst the newest
 * contenders cannot keep taking the lock from the oldest (a backoff that grew with the wait
 * starved a cancellation behind hundreds of registrations).
 */
function pauseAfter(waitedMs: number): number {
  const spread = waitedMs >= 2_000 ? 5 : 40;
  const base = waitedMs >= 2_000 ? 5 : 10;
  return base + Math.random() * spread;
}

export async function withRedisLock<T>(
  redis: Redis,
  key: string,
  fn: () => Promise<T>,
  opts: {
    ttlMs?: number;
    waitMs?: number;
    busyMessage: string;
    /** What a caller that cannot get the lock in time is told; default 503 with Retry-After. */
    busyCode?: 'unavailable' | 'conflict';
    /**
     * For holders that may run for minutes (an erasure, an index rebuild): the TTL is renewed
     * every third of it while `fn` runs, so it can stay short and a crashed holder's lock frees
     * soon, while a live one never loses it to the clock.
     */
    renew?: boolean;
  },
): Promise<T> {
  const token = randomBytes(12).toString('hex');
  const ttl = opts.ttlMs ?? 30_000;
  const started = Date.now();
  const deadline = started + (opts.waitMs ?? 20_000);
  while ((await orUnavailable(redis, () => redis.set(key, token, 'PX', ttl, 'NX'))) !== 'OK') {
    if (Date.now() >= deadline) {
      if (opts.busyCode === 'conflict') throw AppError.conflict(opts.busyMessage);
      throw new AppError('unavailable', opts.busyMessage, { retryAfterSeconds: 2 });
    }
    await new Promise((r) => setTimeout(r, pauseAfter(Date.now() - started)));
  }
  const renewal = opts.renew
    ? setInterval(() => {
        redis.eval(EXTEND, 1, key, token, ttl).catch(() => undefined); // the next tick tries again
      }, ttl / 3)
    : undefined;
  try {
    return await fn();
  } finally {
    clearInterval(renewal);
    await redis.eval(RELEASE, 1, key, token);
  }
}
