import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * A delayed reminder for one confirmed registration, `offsetMinutes` before the start. The id
 * is deterministic so the events domain can move it (event moved) or remove it (cancelled).
 */
export const sendReminderJob = defineJob({
  name: 'events.send-reminder',
  queue: QueueName.events,
  schema: z.strictObject({
    registrationId: z.string().min(1).max(100),
    offsetMinutes: z.number().int().min(0),
  }),
  jobId: (p) => `event-reminder:${p.registrationId}:${p.offsetMinutes}`,
  options: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
});
