import type { JobDefinition } from '../define-job';
import type { z } from 'zod';

/**
 * Jobs of the newsletter domain. One file per job under ./newsletter/, listed here by name, e.g.
 *   [someJob.name]: someJob,
 */
export const newsletterJobs = {} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
