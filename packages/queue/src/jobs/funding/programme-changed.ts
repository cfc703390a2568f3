import { z } from 'zod';
import { defineJob } from '../../define-job';
import { QueueName } from '../../queue-names';

/**
 * Domain event: a funding programme's dates changed in a way calendar readers care about.
 * Emitted by the funding domain on publish (`published`), when its deadlines or application
 * window change (`deadlines-changed`), when what its calendar entries show changes otherwise
 * (`details-changed`: title, provider, summary, links), and when it leaves the public list
 * (`archived`).
 * Readers (the calendar feed cache) re-read the programme by id; the payload carries no copy.
 * `revision` makes each change a distinct job (the programme's `updatedAt` in ms).
 */
export const fundingProgrammeChangedJob = defineJob({
  name: 'funding.programme-changed',
  queue: QueueName.domainEvents,
  schema: z.strictObject({
    programmeId: z.string().min(1).max(64),
    change: z.enum(['published', 'deadlines-changed', 'details-changed', 'archived']),
    revision: z.number().int().nonnegative().optional(),
  }),
  jobId: (p) => `funding-programme-changed:${p.programmeId}:${p.change}:${p.revision ?? 0}`,
  options: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
});
