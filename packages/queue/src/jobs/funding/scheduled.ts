import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const retry = { attempts: 5, backoff: { type: 'exponential' as const, delay: 5_000 } };

/**
 * Scheduled funding jobs (BullMQ job schedulers on the alerts queue, see workers/alerts).
 * Each takes an optional "today"/"now" so tests can run a given day without waiting for it.
 */

/** Weekly: one `funding.send-digest` per subscription with pending digest items. */
export const fundingDigestRunJob = defineJob({
  name: 'funding.digest-run',
  queue: QueueName.alerts,
  schema: z.strictObject({ now: z.iso.datetime().optional() }),
  options: retry,
});

/** One subscriber's digest: the items pending at `cutoff`, claimed under `digestKey`. */
export const fundingSendDigestJob = defineJob({
  name: 'funding.send-digest',
  queue: QueueName.alerts,
  schema: z.strictObject({
    subscriptionId: z.string().min(1).max(64),
    digestKey: isoDate,
    cutoff: z.iso.datetime(),
  }),
  jobId: (p) => `funding-digest:${p.subscriptionId}:${p.digestKey}`,
  options: { attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
});

/** Daily: enqueue reminder matches for deadlines N days ahead (N from the settings). */
export const fundingRemindersRunJob = defineJob({
  name: 'funding.reminders-run',
  queue: QueueName.alerts,
  schema: z.strictObject({ today: isoDate.optional() }),
  options: retry,
});

/** Daily: check the official links of published programmes. */
export const fundingLinkCheckRunJob = defineJob({
  name: 'funding.link-check-run',
  queue: QueueName.alerts,
  schema: z.strictObject({}),
  options: retry,
});

/** Hourly: delete expired unconfirmed sign-ups; re-enqueue matches a crash may have lost. */
export const fundingHousekeepingJob = defineJob({
  name: 'funding.housekeeping',
  queue: QueueName.alerts,
  schema: z.strictObject({ now: z.iso.datetime().optional() }),
  options: retry,
});

/**
 * Nightly: rebuild the Redis match index from the database (repairs a change lost between a
 * database write and its outbox entry) and apply the outbox meanwhile.
 */
export const fundingRebuildMatchIndexJob = defineJob({
  name: 'funding.rebuild-match-index',
  queue: QueueName.alerts,
  schema: z.strictObject({}),
  options: retry,
});
