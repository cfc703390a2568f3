import type { z } from 'zod';
import { sendMailJob } from './jobs/send-mail';
import { smokePingJob } from './jobs/smoke-ping';
import { eventJobs } from './jobs/events';
import { fundingJobs } from './jobs/funding';
import { newsletterJobs } from './jobs/newsletter';
import { calendarJobs } from './jobs/calendar';
import { schedulerJobs } from './jobs/scheduler';

/**
 * The one list of jobs. Producer and consumer both derive their types from it, so a payload
 * change that isn't made on both sides fails to compile.
 */
export const jobs = {
  [sendMailJob.name]: sendMailJob,
  [smokePingJob.name]: smokePingJob,
  ...eventJobs,
  ...fundingJobs,
  ...newsletterJobs,
  ...calendarJobs,
  ...schedulerJobs,
} as const;

export type Jobs = typeof jobs;
export type JobName = keyof Jobs & string;
export type PayloadOf<N extends JobName> = z.infer<Jobs[N]['schema']>;
export type JobsOn<Q extends string> = { [N in JobName]: Jobs[N]['queue'] extends Q ? N : never }[JobName];
