import type { JobDefinition } from '../define-job';
import type { z } from 'zod';

/**
 * Jobs of the events domain. One file per job under ./events/, listed here by name, e.g.
 *   [someJob.name]: someJob,
 */
export const eventJobs = {} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
