import type { JobDefinition } from '../define-job';
import type { z } from 'zod';
import { fundingProgrammeChangedJob } from './funding/programme-changed';
import { fundingMatchProgrammeJob } from './funding/match-programme';
import { fundingSendAlertJob } from './funding/send-alert';
import {
  fundingDigestRunJob,
  fundingSendDigestJob,
  fundingRemindersRunJob,
  fundingLinkCheckRunJob,
  fundingHousekeepingJob,
  fundingRebuildMatchIndexJob,
} from './funding/scheduled';
import { fundingCloseExpiredRunJob } from './funding/close-expired-run';

/**
 * Jobs of the funding domain. One file per job under ./funding/ (the scheduled ones share
 * scheduled.ts), listed here by name.
 */
export const fundingJobs = {
  [fundingProgrammeChangedJob.name]: fundingProgrammeChangedJob,
  [fundingMatchProgrammeJob.name]: fundingMatchProgrammeJob,
  [fundingSendAlertJob.name]: fundingSendAlertJob,
  [fundingDigestRunJob.name]: fundingDigestRunJob,
  [fundingSendDigestJob.name]: fundingSendDigestJob,
  [fundingRemindersRunJob.name]: fundingRemindersRunJob,
  [fundingLinkCheckRunJob.name]: fundingLinkCheckRunJob,
  [fundingHousekeepingJob.name]: fundingHousekeepingJob,
  [fundingRebuildMatchIndexJob.name]: fundingRebuildMatchIndexJob,
  [fundingCloseExpiredRunJob.name]: fundingCloseExpiredRunJob,
} as const satisfies Record<string, JobDefinition<string, z.ZodType>>;
