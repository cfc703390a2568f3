import type { Redis } from 'ioredis';
import { invalidationKeys, type FeedScope } from './feed-scope';

export type InvalidationMessage = { scope: FeedScope; gen: number; at: number; tag?: string };

// Atomic: the counter, the time of the change and the broadcast happen together, so a
// process that reads the hash after missing the message still sees the same generation.
const BUMP = `
local gen = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('HSET', KEYS[1], ARGV[1] .. ':at', ARGV[2])
redis.call('PUBLISH', KEYS[2], cjson.encode({scope = ARGV[1], gen = gen, at = tonumber(ARGV[2]), tag = ARGV[3]}))
return gen
`;

/**
 * Marks every cached feed of `scope` stale in every process (worker → services). With a
 * `tag`, only entries carrying that tag are dropped and the generation stays (a revoked
 * personal feed), so the rest of the scope keeps its cache.
 */
export async function publishInvalidation(
  redis: Redis,
  prefix: string,
  scope: FeedScope,
  opts: { tag?: string; at?: Date } = {},
): Promise<number> {
  const { hash, channel } = invalidationKeys(prefix);
  const at = (opts.at ?? new Date()).getTime();
  if (opts.tag) {
    const msg: InvalidationMessage = { scope, gen: -1, at, tag: opts.tag };
    await redis.publish(channel, JSON.stringify(msg));
    return -1;
  }
  return Number(await redis.eval(BUMP, 2, hash, channel, scope, String(at), ''));
}
