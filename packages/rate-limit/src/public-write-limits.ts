import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { rateLimit } from './rate-limit';
import { byClientAddress, byEmailField } from './rate-limit-keys';

export type LimitConfig = {
  QUEUE_PREFIX: string;
  RATE_LIMIT_WINDOW_SECONDS: number;
  RATE_LIMIT_PER_IP: number;
  RATE_LIMIT_PER_EMAIL: number;
};

/**
 * The two limits every public write gets, from config: per client address, and per email
 * address found in `emailField` (skipped when the body has none).
 */
export function publicWriteLimits(
  deps: { redis: Redis; config: LimitConfig },
  name: string,
  emailField: string | null = 'email',
): RequestHandler[] {
  const { config, redis } = deps;
  const common = { redis, prefix: config.QUEUE_PREFIX, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS };
  const limits = [
    rateLimit({ ...common, name: `${name}.ip`, key: byClientAddress, limit: config.RATE_LIMIT_PER_IP }),
  ];
  if (emailField) {
    limits.push(
      rateLimit({
        ...common,
        name: `${name}.email`,
        key: byEmailField(emailField),
        limit: config.RATE_LIMIT_PER_EMAIL,
      }),
    );
  }
  return limits;
}
