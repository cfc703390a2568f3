import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * Daily audit-log retention (workers/scheduler): deletes entries older than
 * `AUDIT_RETENTION_DAYS`. `now` lets a test or an operator run a given day; without it the
 * worker's clock counts. No job id: it is a scheduler's repeat, and running it twice is harmless.
 */
export const schedulerDeleteAuditEntriesJob = defineJob({
  name: 'scheduler.delete-audit-entries',
  queue: QueueName.scheduler,
  schema: z.strictObject({ now: z.iso.datetime().optional() }),
  options: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } },
});
