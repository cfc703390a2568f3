import type { JobDefinition } from '../define-job';
import type { z } from 'zod';

/**
 * Jobs of the calendar domain. One file per job under ./calendar/, listed here by name, e.g.
 *   [someJob.name]: someJob,
 */
export const calendarJobs = {} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
