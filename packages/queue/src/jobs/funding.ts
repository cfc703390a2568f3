import type { JobDefinition } from '../define-job';
import type { z } from 'zod';
import { fundingProgrammeChangedJob } from './funding/programme-changed';

/**
 * Jobs of the funding domain. One file per job under ./funding/, listed here by name.
 */
export const fundingJobs = {
  [fundingProgrammeChangedJob.name]: fundingProgrammeChangedJob,
} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
