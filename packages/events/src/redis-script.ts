import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { orUnavailable } from '@qn/queue';

const shaOf = new Map<string, string>();

/**
 * Runs a Lua script by its SHA (EVALSHA), sending the body only when Redis does not know it
 * yet (after a restart): on the hot path that saves hashing and shipping the body per call.
 */
export async function runScript(
  redis: Redis,
  script: string,
  keys: string[],
  args: string[],
): Promise<unknown> {
  let sha = shaOf.get(script);
  if (!sha) {
    sha = createHash('sha1').update(script).digest('hex');
    shaOf.set(script, sha);
  }
  return orUnavailable(redis, async () => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!/NOSCRIPT/.test((err as Error).message)) throw err;
      return redis.eval(script, keys.length, ...keys, ...args);
    }
  });
}
