import { withRedisLock } from '@qn/queue';
import type { NewsletterContext } from './newsletter-context';

/**
 * Every read-modify-write of a campaign's status or of one address's subscriber records runs
 * under a lock, because FerretDB applies no update atomically: two writers of one document lose
 * one write, even of different fields.
 */
export function withLock<T>(
  ctx: Pick<NewsletterContext, 'redis' | 'keyPrefix'>,
  name: string,
  fn: () => Promise<T>,
  opts: { ttlMs?: number; waitMs?: number } = {},
): Promise<T> {
  return withRedisLock(ctx.redis, `${ctx.keyPrefix}:nl-lock:${name}`, fn, {
    waitMs: 15_000,
    ...opts,
    busyMessage: 'Der Newsletter ist gerade beschäftigt. Bitte gleich erneut versuchen.',
  });
}

export const campaignLock = (id: string) => `campaign:${id}`;
export const addressLock = (hash: string) => `address:${hash}`;
