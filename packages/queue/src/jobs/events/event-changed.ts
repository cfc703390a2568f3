import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * Domain event: an event was created, changed, published or cancelled. Readers (the calendar
 * feed cache) follow it; the events domain enqueues it after its database write. `sequence` is
 * the event's iCalendar SEQUENCE after the change, so one id per (event, sequence, change)
 * makes a repeated enqueue of the same change a no-op while a later change still travels.
 */
export const eventChangedJob = defineJob({
  name: 'events.changed',
  queue: QueueName.domainEvents,
  schema: z.strictObject({
    eventId: z.string().min(1).max(100),
    sequence: z.number().int().min(0),
    change: z.enum(['created', 'updated', 'published', 'cancelled']),
  }),
  jobId: (p) => `events.changed:${p.eventId}:${p.sequence}:${p.change}`,
  options: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
});
