import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/** Delayed until an offered seat's deadline: if still not accepted, it passes to the next person. */
export const expireOfferJob = defineJob({
  name: 'events.expire-offer',
  queue: QueueName.events,
  schema: z.strictObject({ registrationId: z.string().min(1).max(100), offerExpiresAt: z.iso.datetime() }),
  jobId: (p) => `event-offer:${p.registrationId}:${Date.parse(p.offerExpiresAt)}`,
  options: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
});
