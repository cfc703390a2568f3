import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Logger } from '@qn/log';
import { deleteAuditEntriesOlderThan } from '@qn/audit';
import { createWorker, QueueName, type Producer } from '@qn/queue';
import { scheduleHousekeepingJobs } from './schedule-housekeeping-jobs';

export type SchedulerWorkerDeps = {
  config: Config;
  connection: Redis;
  logger: Logger;
  producer: Producer;
  /**
   * Install the housekeeping schedules at start (default: yes, except under NODE_ENV=test,
   * where tests run the jobs themselves and a schedule left in Redis would outlive the test).
   */
  schedule?: boolean;
};

/**
 * Consumes the scheduler queue: housekeeping that no domain owns. Every job is a plain
 * idempotent sweep (a delete by cut-off), so a retry or a second run repeats nothing harmful.
 */
export function createSchedulerWorker(deps: SchedulerWorkerDeps): Worker {
  if (deps.schedule ?? deps.config.NODE_ENV !== 'test')
    scheduleHousekeepingJobs(deps.producer, deps.config.TZ_DISPLAY).catch((err: Error) =>
      deps.logger.error({ err: err.message }, 'could not install the housekeeping schedules'),
    );
  return createWorker({
    queue: QueueName.scheduler,
    connection: deps.connection,
    prefix: deps.config.QUEUE_PREFIX,
    logger: deps.logger,
    // Sweeps over whole collections: one at a time keeps them off the database's back.
    concurrency: 1,
    lockDuration: deps.config.WORKER_LOCK_MS,
    stalledInterval: deps.config.WORKER_STALLED_INTERVAL_MS,
    handlers: {
      'scheduler.delete-audit-entries': async (p, { log }) => {
        const days = deps.config.AUDIT_RETENTION_DAYS;
        const deleted = await deleteAuditEntriesOlderThan(days, p.now ? new Date(p.now) : undefined);
        log.info({ deleted, retentionDays: days }, 'audit entries past retention deleted');
      },
    },
  });
}
