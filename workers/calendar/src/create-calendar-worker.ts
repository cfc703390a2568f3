import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@qn/log';
import type { Config } from '@qn/config';
import { createWorker, QueueName } from '@qn/queue';
import { publishInvalidation } from '@qn/calendar';

export type CalendarWorkerDeps = {
  config: Config;
  /** Blocking connection for the BullMQ worker. */
  connection: Redis;
  /** Non-blocking connection to bump generations and broadcast. */
  redis: Redis;
  logger: Logger;
};

/**
 * Follows the domain events feeds depend on. It does not rebuild: it bumps the scope's
 * generation and broadcasts it, and each service process rebuilds a feed on its next request
 * (once, however many wait). Bumping twice is harmless, so retries and duplicates are too.
 */
export function createCalendarWorker(deps: CalendarWorkerDeps): Worker {
  const prefix = deps.config.QUEUE_PREFIX;
  return createWorker({
    queue: QueueName.domainEvents,
    connection: deps.connection,
    prefix,
    logger: deps.logger,
    concurrency: 5,
    handlers: {
      'events.changed': async (p, { log }) => {
        const gen = await publishInvalidation(deps.redis, prefix, 'events');
        log.debug({ eventId: p.eventId, change: p.change, gen }, 'event feeds invalidated');
      },
      'funding.programme-changed': async (p, { log }) => {
        const gen = await publishInvalidation(deps.redis, prefix, 'funding');
        log.debug({ programmeId: p.programmeId, change: p.change, gen }, 'funding feed invalidated');
      },
    },
  });
}
