import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/** A test send of a campaign to one given address, rendered exactly like the real thing. */
export const newsletterSendTestJob = defineJob({
  name: 'newsletter.send-test',
  queue: QueueName.newsletter,
  schema: z.strictObject({
    campaignId: z.string().min(1).max(64),
    to: z.string().email(),
    /** Distinguishes repeated test sends of one campaign to one address. */
    requestKey: z.string().min(1).max(100),
  }),
  jobId: (p) => `nl-test:${p.campaignId}:${p.requestKey}:${p.to}`,
  options: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
});
