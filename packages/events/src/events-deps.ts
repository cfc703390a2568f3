import type { Redis } from 'ioredis';
import type { Producer } from '@qn/queue';

/** What the domain functions need from a process: built from a Runtime by `eventsDepsOf`. */
export type EventsDeps = {
  producer: Producer;
  /** Any ioredis connection that may run commands (seat pool, locks). */
  redis: Redis;
  /** Namespace of the Redis keys (the queue prefix, so test files never share keys). */
  keyPrefix: string;
  /** Derives manage tokens (HMAC); never stored. */
  secretKey: string;
  publicUrl: string;
  timeZone: string;
  requestId?: string;
};

export function eventsDepsOf(rt: {
  producer: Producer;
  redis: Redis;
  config: { QUEUE_PREFIX: string; SECRET_KEY: string; PUBLIC_URL: string; TZ_DISPLAY: string };
}): EventsDeps {
  return {
    producer: rt.producer,
    redis: rt.redis,
    keyPrefix: rt.config.QUEUE_PREFIX,
    secretKey: rt.config.SECRET_KEY,
    publicUrl: rt.config.PUBLIC_URL,
    timeZone: rt.config.TZ_DISPLAY,
  };
}
