import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { rateLimit } from './rate-limit';
import { byClientAddress, byEmailFieldAndClient } from './rate-limit-keys';

export type LimitConfig = {
  QUEUE_PREFIX: string;
  RATE_LIMIT_WINDOW_SECONDS: number;
  RATE_LIMIT_PER_IP: number;
  RATE_LIMIT_PER_EMAIL: number;
  RATE_LIMIT_PUBLIC_WRITES_PER_IP?: number;
};

/**
 * The limits every public write gets, from config: per client (an IPv6 client by its /64) on
 * this endpoint; per client across all public writes together, so spreading over endpoints
 * gains nothing; and per address found in `emailField` together with the client, counting only
 * requests that succeeded, so neither a stranger nor a malformed request can use up the
 * owner's allowance.
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
    rateLimit({
      ...common,
      name: 'public-writes.ip',
      key: byClientAddress,
      limit: config.RATE_LIMIT_PUBLIC_WRITES_PER_IP ?? 3 * config.RATE_LIMIT_PER_IP,
    }),
  ];
  if (emailField) {
    limits.push(
      rateLimit({
        ...common,
        name: `${name}.email`,
        key: byEmailFieldAndClient(emailField),
        limit: config.RATE_LIMIT_PER_EMAIL,
        count: 'succeeded',
      }),
    );
  }
  return limits;
}
