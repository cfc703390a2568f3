import { z } from 'zod';
import { defineJob } from '../define-job';
import { QueueName } from '../queue-names';

/** The foundation's end-to-end slice: an HTTP write that ends in a mail. */
export const smokePingJob = defineJob({
  name: 'smoke.ping',
  queue: QueueName.mail,
  schema: z.strictObject({ pingId: z.string().min(1), to: z.string().email(), message: z.string().max(500) }),
  jobId: (p) => `smoke:${p.pingId}`,
  // Like mail.send: a relay or database outage is retried with backoff, never lost.
  options: { attempts: 8, backoff: { type: 'exponential', delay: 1_000 } },
});
