import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * Hourly (workers/alerts): closes published programmes whose last deadline has passed, so the
 * public list shows them as closed and after the open ones. `now` lets a test run a given
 * day. No job id: it is a scheduler's repeat, and a second run changes nothing.
 */
export const fundingCloseExpiredRunJob = defineJob({
  name: 'funding.close-expired-run',
  queue: QueueName.alerts,
  schema: z.strictObject({ now: z.iso.datetime().optional() }),
  options: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 } },
});
