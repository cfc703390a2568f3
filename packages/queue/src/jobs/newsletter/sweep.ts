import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * Repeats every few seconds on the newsletter worker: starts due scheduled campaigns whose
 * fan-out job is missing, marks finished campaigns sent, restarts a dispatch that lost its
 * jobs, and deletes stale unconfirmed sign-ups. No job id: it is a scheduler's repeat.
 */
export const newsletterSweepJob = defineJob({
  name: 'newsletter.sweep',
  queue: QueueName.newsletter,
  schema: z.strictObject({}),
});
