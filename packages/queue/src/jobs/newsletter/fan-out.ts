import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * Expands a campaign's audience into delivery records and enqueues one send job per recipient
 * without an outcome. `gen` is the dispatch round (first send = 1, each resume + 1): a new round
 * gets new job ids, so it never collides with retained jobs of the round before.
 */
export const newsletterFanOutJob = defineJob({
  name: 'newsletter.fan-out',
  queue: QueueName.newsletter,
  schema: z.strictObject({ campaignId: z.string().min(1).max(64), gen: z.number().int().min(1) }),
  jobId: (p) => `nl-fanout:${p.campaignId}:${p.gen}`,
  // Retried when the campaign lock is busy or the database hiccups; it resumes from its cursor.
  options: { attempts: 20, backoff: { type: 'fixed', delay: 5_000 } },
});
