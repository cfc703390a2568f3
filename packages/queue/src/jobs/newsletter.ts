import type { JobDefinition } from '../define-job';
import type { z } from 'zod';
import { newsletterFanOutJob } from './newsletter/fan-out';
import { newsletterSendJob } from './newsletter/send-campaign-mail';
import { newsletterSendTestJob } from './newsletter/send-test-mail';
import { newsletterSweepJob } from './newsletter/sweep';

/** Jobs of the newsletter domain, one file each under ./newsletter/. */
export const newsletterJobs = {
  [newsletterFanOutJob.name]: newsletterFanOutJob,
  [newsletterSendJob.name]: newsletterSendJob,
  [newsletterSendTestJob.name]: newsletterSendTestJob,
  [newsletterSweepJob.name]: newsletterSweepJob,
} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
