import { Worker, UnrecoverableError, type Job, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { jobs, type JobName, type JobsOn, type PayloadOf } from './registry';
import type { QueueName } from './queue-names';
import type { JobEnvelope } from './producer';

export type JobContext = { job: Job; log: Logger; requestId?: string };
export type Handler<N extends JobName> = (payload: PayloadOf<N>, ctx: JobContext) => Promise<void>;
export type Handlers<Q extends QueueName> = { [N in JobsOn<Q>]?: Handler<N> };

export type WorkerFactoryOptions<Q extends QueueName> = {
  queue: Q;
  connection: Redis;
  prefix: string;
  logger: Logger;
  handlers: Handlers<Q>;
  concurrency?: number;
  limiter?: WorkerOptions['limiter'];
  /** Start paused, for tests that enqueue first and then watch the run. */
  autorun?: boolean;
  /** BullMQ lockDuration (default 30 s): a crashed worker's jobs are free again after this. */
  lockDuration?: number;
  /** How often to look for stalled jobs (default 15 s); config `WORKER_STALLED_INTERVAL_MS`. */
  stalledInterval?: number;
};

/**
 * A queue consumer that dispatches by job name, validates every payload against its contract
 * before running it (an invalid payload is a bug: it fails at once, never retried), and closes
 * gracefully: `close()` stops taking jobs and waits for the ones in flight.
 */
export function createWorker<Q extends QueueName>(opts: WorkerFactoryOptions<Q>): Worker {
  const log = opts.logger.child({ queue: opts.queue });
  const worker = new Worker(
    opts.queue,
    async (job: Job) => {
      const name = job.name as JobName;
      const def = jobs[name];
      const handler = (opts.handlers as Record<string, Handler<JobName> | undefined>)[name];
      if (!def || !handler) throw new UnrecoverableError(`no handler for job ${job.name} on ${opts.queue}`);
      const envelope = job.data as JobEnvelope;
      const parsed = def.schema.safeParse(envelope?.payload);
      if (!parsed.success) {
        throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
      }
      const requestId = envelope.meta?.requestId;
      const jobLog = log.child({ job: job.name, jobId: job.id, requestId });
      await handler(parsed.data as PayloadOf<JobName>, { job, log: jobLog, requestId });
    },
    {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 10,
      limiter: opts.limiter,
      autorun: opts.autorun ?? true,
      // A crashed process's jobs come back after this; side effects are idempotent by ledger.
      lockDuration: opts.lockDuration ?? 30_000,
      stalledInterval: opts.stalledInterval ?? 15_000,
      maxStalledCount: 3,
    },
  );
  worker.on('failed', (job, err) =>
    log.warn({ job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'),
  );
  worker.on('error', (err) => log.error({ err: err.message }, 'worker error'));
  return worker;
}

export { UnrecoverableError };
