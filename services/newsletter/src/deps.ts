import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Producer } from '@qn/queue';

export type NewsletterRouterDeps = {
  config: Config;
  producer: Producer;
  /** Producer-style connection: locks, counters, rate limits. */
  redis: Redis;
};
