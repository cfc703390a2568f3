import type { Redis } from 'ioredis';
import { AppError } from '@qn/domain';

/**
 * Connections used inside HTTP handlers have no offline queue, so while Redis is down every
 * command fails at once. That is an outage, not a bug: callers get AppError('unavailable'),
 * which the HTTP edge answers with 503 problem+json and Retry-After, and workers retry.
 */
export async function orUnavailable<T>(connection: Redis, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    const msg = (err as Error).message ?? '';
    const down =
      connection.status !== 'ready' ||
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
