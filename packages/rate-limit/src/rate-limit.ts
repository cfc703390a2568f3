import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { AppError } from '@qn/domain';

/**
 * Fixed-window counters, one per key, bumped and read in one Lua call so concurrent requests
 * in any number of processes see one count. The window starts with a key's first hit.
 * Returns, per key, [count, milliseconds left in its window].
 */
const HIT_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then redis.call('PEXPIRE', key, ARGV[1]); ttl = tonumber(ARGV[1]) end
  out[i] = {n, ttl}
end
return out
`;

/** Per key, [count so far, milliseconds left in its window]; counts nothing. */
const PEEK_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  out[i] = {tonumber(redis.call('GET', key) or '0'), redis.call('PTTL', key)}
end
return out
`;

export type RateLimitOptions = {
  /** Producer-style connection (no offline queue), e.g. `rt.redis`. */
  redis: Redis;
  /** Key prefix, e.g. the config's QUEUE_PREFIX, so a test's keys are cleaned up with its queues. */
  prefix: string;
  /** Names the limit in its keys: `events.register.ip`. */
  name: string;
  /** The values to count this request under; an empty list counts nothing. */
  key: (req: Request) => string[];
  limit: number;
  windowSeconds: number;
  /**
   * `always` (default): every request counts, atomically, so a burst gets exactly `limit`
   * through. `succeeded`: only a request answered below 400 counts (checked before, counted
   * after), so invalid requests cannot use up someone's allowance; a concurrent burst may
   * overshoot by the requests in flight at once.
   */
  count?: 'always' | 'succeeded';
};

/** Values are hashed before they become Redis keys: no address sits in Redis in clear. */
function keyOf(prefix: string, name: string, value: string): string {
  return `${prefix}:rl:${name}:${createHash('sha256').update(value).digest('base64url').slice(0, 32)}`;
}

/**
 * Express middleware: counts the request under each of `key(req)` and answers 429
 * problem+json with Retry-After once any of them is over `limit` in the window. If Redis is
 * unreachable it lets the request through (and logs): the write behind it needs Redis too
 * and answers 503 on its own, and a limiter must not turn a Redis blip into a total outage.
 */
export function rateLimit(opts: RateLimitOptions): RequestHandler {
  const windowMs = opts.windowSeconds * 1000;
  return async (req, res, next) => {
    const values = [...new Set(opts.key(req).filter((v) => v.length > 0))];
    if (values.length === 0) return next();
    const keys = values.map((v) => keyOf(opts.prefix, opts.name, v));
    const log = (req as { log?: { warn: (o: object, msg: string) => void } }).log;
    const warn = (err: unknown) =>
      log?.warn({ err: (err as Error).message, limit: opts.name }, 'rate limit not checked: redis error');
    const afterwards = opts.count === 'succeeded';
    let hits: [number, number][];
    try {
      hits = afterwards
        ? ((await opts.redis.eval(PEEK_SCRIPT, keys.length, ...keys)) as [number, number][])
        : ((await opts.redis.eval(HIT_SCRIPT, keys.length, ...keys, windowMs)) as [number, number][]);
    } catch (err) {
      warn(err);
      return next();
    }
    const over = hits.filter(([n]) => (afterwards ? n >= opts.limit : n > opts.limit));
    if (over.length === 0) {
      if (afterwards)
        res.once('finish', () => {
          if (res.statusCode < 400) opts.redis.eval(HIT_SCRIPT, keys.length, ...keys, windowMs).catch(warn);
        });
      return next();
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...over.map(([, ttl]) => ttl)) / 1000));
    next(
      new AppError('rate_limited', 'Zu viele Anfragen. Bitte versuchen Sie es später noch einmal.', {
        retryAfterSeconds,
      }),
    );
  };
}
