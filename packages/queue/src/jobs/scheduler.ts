import type { JobDefinition } from '../define-job';
import type { z } from 'zod';

/**
 * Jobs of the scheduler domain. One file per job under ./scheduler/, listed here by name, e.g.
 *   [someJob.name]: someJob,
 */
export const schedulerJobs = {} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
