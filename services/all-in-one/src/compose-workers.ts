import type { Worker } from 'bullmq';
import type { Runtime } from '@qn/runtime';
import { createCalendarWorker } from '@qn/worker-calendar';
import { createMailerWorker } from '@qn/worker-mailer';
import { createEventsWorker } from '@qn/worker-events';
import { eventsDepsOf } from '@qn/events';
import { createAlertsWorker } from '@qn/worker-alerts';
import { createNewsletterWorker } from '@qn/worker-newsletter';
import { createSchedulerWorker } from '@qn/worker-scheduler';

/** Every queue consumer, in one process for the local default. */
export function composeWorkers(rt: Runtime): Worker[] {
  return [
    createMailerWorker({
      config: rt.config,
      connection: rt.workerConnection(),
      logger: rt.logger,
      transport: rt.mailTransport(),
    }),
    createEventsWorker({
      events: eventsDepsOf(rt),
      connection: rt.workerConnection(),
      prefix: rt.config.QUEUE_PREFIX,
      logger: rt.logger,
      schedule: { producer: rt.producer, olderThanDays: rt.config.EVENT_RETENTION_DAYS },
    }),
    createAlertsWorker({
      config: rt.config,
      connection: rt.workerConnection(),
      logger: rt.logger,
      producer: rt.producer,
    }),
    createNewsletterWorker({
      config: rt.config,
      connection: rt.workerConnection(),
      redis: rt.redis,
      producer: rt.producer,
      logger: rt.logger,
    }),
    createCalendarWorker({
      config: rt.config,
      connection: rt.workerConnection(),
      redis: rt.redis,
      logger: rt.logger,
    }),
    createSchedulerWorker({
      config: rt.config,
      connection: rt.workerConnection(),
      logger: rt.logger,
      producer: rt.producer,
    }),
  ];
}
