import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * Repeats every few minutes: re-enqueues what registrations and events changed in the last
 * `sinceMinutes` owe (mails, reminders, offer expiry, change notices), releases seats whose
 * registration was never written, and settles the seats. Everything it enqueues is idempotent,
 * so it only matters after a crash between a database write and its enqueue.
 */
export const reconcileEventsJob = defineJob({
  name: 'events.reconcile',
  queue: QueueName.events,
  schema: z.strictObject({
    sinceMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
});
