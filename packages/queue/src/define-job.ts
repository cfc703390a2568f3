import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';
import type { QueueName } from './queue-names';

/**
 * One job's contract: the queue it travels on, its payload schema and how its id is derived.
 * A deterministic id makes enqueueing idempotent: BullMQ ignores an add whose id exists.
 */
export type JobDefinition<N extends string, S extends z.ZodType> = {
  name: N;
  queue: QueueName;
  schema: S;
  /** Natural key of the side effect; same payload → same id. Omit only for jobs that may repeat. */
  jobId?: (payload: z.infer<S>) => string;
  options?: JobsOptions;
};

export function defineJob<N extends string, S extends z.ZodType>(
  def: JobDefinition<N, S>,
): JobDefinition<N, S> {
  return def;
}
