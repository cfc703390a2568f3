import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Logger } from '@qn/log';
import type { Producer } from '@qn/queue';
import type { FundingSettings } from '@qn/funding';

export type FundingRouterDeps = {
  config: Config;
  producer: Producer;
  /** Producer-style connection, for rate limits. */
  redis: Redis;
  logger: Logger;
  settings?: Partial<FundingSettings>;
};
