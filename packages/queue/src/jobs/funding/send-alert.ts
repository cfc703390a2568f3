import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';
import { alertKind, alertReason } from './match-programme';

/** Render and hand to the mailer one immediate alert (record `<subscription>:<programme>:<reason>`). */
export const fundingSendAlertJob = defineJob({
  name: 'funding.send-alert',
  queue: QueueName.alerts,
  schema: z.strictObject({
    subscriptionId: z.string().min(1).max(64),
    programmeId: z.string().min(1).max(64),
    reason: alertReason,
    /** Copied from the alert record so the sender needn't read it back. */
    kind: alertKind,
    deadline: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    daysBefore: z.number().int().min(0).max(365).optional(),
  }),
  jobId: (p) => `funding-alert:${p.subscriptionId}:${p.programmeId}:${p.reason}`,
  options: { attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
});
