import type { JobDefinition } from '../define-job';
import type { z } from 'zod';
import { schedulerDeleteAuditEntriesJob } from './scheduler/delete-audit-entries';

/** Housekeeping jobs of workers/scheduler, one file each under ./scheduler/. */
export const schedulerJobs = {
  [schedulerDeleteAuditEntriesJob.name]: schedulerDeleteAuditEntriesJob,
} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
