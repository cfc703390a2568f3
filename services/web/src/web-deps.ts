import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Logger } from '@qn/log';
import type { Producer } from '@qn/queue';

/** The parts of the runtime the web front end uses (a `Runtime` satisfies it). */
export type WebDeps = { config: Config; producer: Producer; redis: Redis; logger: Logger };
