import { randomBytes } from 'node:crypto';
import { AppError } from '@qn/domain';
import type { NewsletterContext } from './newsletter-context';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Runs `fn` holding a short Redis lock (`SET NX PX`, released only by its holder). Every
 * read-modify-write of a campaign's status or of one address's subscriber records runs under
 * one, because FerretDB applies no update atomically: two writers of one document lose one
 * write, even of different fields.
 */
export async function withLock<T>(
  ctx: Pick<NewsletterContext, 'redis' | 'keyPrefix'>,
  name: string,
  fn: () => Promise<T>,
  opts: { ttlMs?: number; waitMs?: number } = {},
): Promise<T> {
  const key = `${ctx.keyPrefix}:nl-lock:${name}`;
  const token = randomBytes(12).toString('hex');
  const deadline = Date.now() + (opts.waitMs ?? 15_000);
  let pause = 5;
  while ((await ctx.redis.set(key, token, 'PX', opts.ttlMs ?? 30_000, 'NX')) !== 'OK') {
    if (Date.now() > deadline) {
      throw new AppError(
        'unavailable',
        'Der Newsletter ist gerade beschäftigt. Bitte gleich erneut versuchen.',
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
    await ctx.redis.eval(RELEASE, 1, key, token);
  }
}

export const campaignLock = (id: string) => `campaign:${id}`;
export const addressLock = (hash: string) => `address:${hash}`;
