import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/** A reason is part of alert ids and ledger keys: short, URL- and key-safe. */
export const alertReason = z.string().regex(/^[a-z0-9-]{3,60}$/);
export const alertKind = z.enum(['published', 'deadline-changed', 'new-round', 'reminder']);

/**
 * Find the confirmed subscriptions a programme matches (in the database, streamed), record one
 * alert per (subscription, programme, reason) and enqueue the immediate ones. Reminders carry
 * the deadline and go only to subscribers who asked for reminders.
 */
export const fundingMatchProgrammeJob = defineJob({
  name: 'funding.match-programme',
  queue: QueueName.alerts,
  schema: z.strictObject({
    programmeId: z.string().min(1).max(64),
    reason: alertReason,
    kind: alertKind,
    deadline: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    daysBefore: z.number().int().min(0).max(365).optional(),
  }),
  jobId: (p) => `funding-match:${p.programmeId}:${p.reason}`,
  options: { attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
});
