import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * One campaign mail to one recipient. The payload names the recipient, not the message: the
 * worker renders it (a rendered newsletter per job would put megabytes per thousand recipients
 * into Redis). Sent at most once per delivery id by claim records (docs/adr/0005).
 */
export const newsletterSendJob = defineJob({
  name: 'newsletter.send',
  queue: QueueName.newsletter,
  schema: z.strictObject({
    campaignId: z.string().min(1).max(64),
    gen: z.number().int().min(1),
    /** `<campaignId>:<addressHash>` */
    deliveryId: z.string().min(3).max(200),
    listId: z.string().min(1).max(64),
    to: z.string().email(),
    name: z.string().max(200).optional(),
    lang: z.enum(['de', 'en']),
  }),
  jobId: (p) => `nl-send:${p.deliveryId}:${p.gen}`,
  // SMTP 4xx and network errors: exponential backoff from 5 s over 8 attempts (about 20
  // minutes, so a short relay outage does not fail a campaign); 5xx is final.
  options: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
  },
});
