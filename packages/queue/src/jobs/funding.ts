import type { JobDefinition } from '../define-job';
import type { z } from 'zod';

/**
 * Jobs of the funding domain. One file per job under ./funding/, listed here by name, e.g.
 *   [someJob.name]: someJob,
 */
export const fundingJobs = {} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
