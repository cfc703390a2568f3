import type { Redis } from 'ioredis';
import { AppError } from '@qn/domain';

/**
 * Seat pool and locks live in Redis; while it is down (no offline queue on this connection)
 * every command fails at once. That is an outage, not a bug: 503 with Retry-After, nothing
 * stored — the same answer the producer gives (packages/queue/src/producer.ts).
 */
export async function redisCall<T>(redis: Redis, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    const msg = (err as Error).message ?? '';
    const down =
      redis.status !== 'ready' ||
      /Stream isn't writeable|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|max retries|MaxRetriesPerRequest/i.test(
        msg,
      );
    if (!down) throw err;
    throw new AppError(
      'unavailable',
      'Der Dienst ist vorübergehend nicht erreichbar. Bitte später erneut versuchen.',
      {
        retryAfterSeconds: 5,
      },
    );
  }
}
