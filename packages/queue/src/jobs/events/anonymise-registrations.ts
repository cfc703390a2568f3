import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/** Retention: blank attendees' personal data of events that ended `olderThanDays` ago. Repeats daily. */
export const anonymiseRegistrationsJob = defineJob({
  name: 'events.anonymise-registrations',
  queue: QueueName.events,
  schema: z.strictObject({ olderThanDays: z.number().int().min(0).max(3650) }),
});
