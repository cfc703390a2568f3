import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * Fan-out after an event changed or was cancelled: tell every registrant (updated .ics with the
 * new SEQUENCE, or METHOD:CANCEL) and move or drop their reminders. One job per sequence.
 */
export const notifyEventChangeJob = defineJob({
  name: 'events.notify-change',
  queue: QueueName.events,
  schema: z.strictObject({
    eventId: z.string().min(1).max(100),
    sequence: z.number().int().min(0),
    change: z.enum(['updated', 'cancelled']),
    /** Whether the start or the reminder offsets changed: reminders are rescheduled only then. */
    moved: z.boolean(),
    /** Whether registrants are mailed (calendar-relevant change or cancellation). */
    mail: z.boolean(),
    /** The event's updatedAt (ms): a reminder-only change keeps the sequence but is a new job. */
    revision: z.number().int().min(0),
  }),
  jobId: (p) => `event-notify:${p.eventId}:${p.sequence}:${p.revision}`,
  options: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
});
