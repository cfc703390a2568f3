import type { JobDefinition } from '../define-job';
import type { z } from 'zod';
import { eventChangedJob } from './events/event-changed';

/** Jobs of the events domain. One file per job under ./events/, listed here by name. */
export const eventJobs = {
  [eventChangedJob.name]: eventChangedJob,
} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
