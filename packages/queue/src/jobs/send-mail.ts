import { z } from 'zod';
import { defineJob } from '../define-job';
import { QueueName } from '../queue-names';

/**
 * A rendered transactional mail. `ledgerKey` is the natural key of this message (for example
 * `registration-confirmed:<registrationId>`): the mailer records it with a unique index and
 * never sends the same key twice.
 */
export const sendMailJob = defineJob({
  name: 'mail.send',
  queue: QueueName.mail,
  schema: z.strictObject({
    ledgerKey: z.string().min(3).max(300),
    kind: z.string().min(1).max(60),
    to: z.string().email(),
    subject: z.string().min(1).max(300),
    text: z.string().min(1),
    html: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** An iCalendar object attached as text/calendar (invitations, updates, cancellations). */
    ical: z
      .strictObject({
        content: z.string(),
        method: z.enum(['PUBLISH', 'REQUEST', 'CANCEL']),
        filename: z.string(),
      })
      .optional(),
  }),
  jobId: (p) => `mail:${p.ledgerKey}`,
  options: { attempts: 8, backoff: { type: 'exponential', delay: 2_000 } },
});
