import type { JobDefinition } from '../define-job';
import type { z } from 'zod';
import { eventChangedJob } from './events/event-changed';
import { sendReminderJob } from './events/send-reminder';
import { expireOfferJob } from './events/expire-offer';
import { notifyEventChangeJob } from './events/notify-change';
import { anonymiseRegistrationsJob } from './events/anonymise-registrations';
import { reconcileEventsJob } from './events/reconcile';

/** Jobs of the events domain. One file per job under ./events/, listed here by name. */
export const eventJobs = {
  [eventChangedJob.name]: eventChangedJob,
  [sendReminderJob.name]: sendReminderJob,
  [expireOfferJob.name]: expireOfferJob,
  [notifyEventChangeJob.name]: notifyEventChangeJob,
  [anonymiseRegistrationsJob.name]: anonymiseRegistrationsJob,
  [reconcileEventsJob.name]: reconcileEventsJob,
} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
