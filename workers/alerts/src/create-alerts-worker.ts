import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Logger } from '@qn/log';
import { createWorker, QueueName, type Producer } from '@qn/queue';
import {
  applyMatchIndexChanges,
  backfillAddressKeys,
  checkProgrammeLinks,
  closeExpiredProgrammes,
  dateIn,
  expirePendingSubscriptions,
  fundingSettingsOf,
  mailContextOf,
  matchProgramme,
  ProgrammeCache,
  rebuildMatchIndex,
  reconcileMatches,
  runDigests,
  runReminders,
  sendAlert,
  sendDigest,
  type FundingSettings,
  type MatchIndex,
} from '@qn/funding';
import { scheduleFundingJobs } from './schedule-funding-jobs';
import { countAlerts } from '@qn/metrics';

export type AlertsWorkerDeps = {
  config: Config;
  connection: Redis;
  logger: Logger;
  producer: Producer;
  settings?: Partial<FundingSettings>;
  concurrency?: number;
  /**
   * Register the weekly digest, daily reminders, link check and housekeeping schedules
   * (default: yes, except under NODE_ENV=test, where tests enqueue those runs themselves and
   * no scheduled link check may reach the internet).
   */
  schedule?: boolean;
};

/**
 * Consumes the alerts queue: matching after a publish or change, immediate alerts, weekly
 * digests, deadline reminders and the data-quality jobs. Each handler is idempotent by natural
 * keys (alert ids, job ids, mail ledger keys), so a retry or a restarted process repeats
 * nothing that reached a subscriber.
 */
export function createAlertsWorker(deps: AlertsWorkerDeps): Worker {
  const settings = fundingSettingsOf(deps.config, deps.settings);
  const mail = mailContextOf(deps.config);
  const producer = deps.producer;
  const programmes = new ProgrammeCache();
  const tz = settings.timeZone;
  if (deps.schedule ?? deps.config.NODE_ENV !== 'test')
    scheduleFundingJobs(producer, settings).catch((err: Error) =>
      deps.logger.error({ err: err.message }, 'could not register funding schedules'),
    );
  // The match index gets a connection of its own: the worker's is for BullMQ.
  const index: MatchIndex = { redis: deps.connection.duplicate(), prefix: deps.config.QUEUE_PREFIX };
  index.redis.on('error', () => {}); // the runtime's connections already log an outage
  // Redis without persistence loses the index on a restart: rebuild now rather than at the
  // first publish (a matcher would rebuild too; this just takes the wait off it).
  const started = applyMatchIndexChanges(index).catch((err: Error) =>
    deps.logger.warn({ err: err.message }, 'match index not brought up to date at start'),
  );
  // Subscriptions from before address keys get theirs once per database (docs/adr/0009); the
  // hourly housekeeping retries an interrupted pass.
  backfillAddressKeys().catch((err: Error) =>
    deps.logger.warn({ err: err.message }, 'address keys not backfilled at start'),
  );
  const worker = createWorker({
    queue: QueueName.alerts,
    connection: deps.connection,
    prefix: deps.config.QUEUE_PREFIX,
    logger: deps.logger,
    concurrency: deps.concurrency ?? 10,
    lockDuration: deps.config.WORKER_LOCK_MS,
    stalledInterval: deps.config.WORKER_STALLED_INTERVAL_MS,
    handlers: {
      'funding.match-programme': async (p, { log, requestId }) => {
        const r = await matchProgramme({
          request: p,
          producer,
          index,
          batchSize: settings.matchBatchSize,
          requestId,
        });
        countAlerts('matched', r.matched);
        countAlerts('enqueued', r.enqueued);
        countAlerts('suppressed', r.suppressed);
        log.info({ programmeId: p.programmeId, reason: p.reason, ...r }, 'programme matched');
      },
      'funding.send-alert': async (p, { requestId }) => {
        countAlerts(await sendAlert({ ...p, producer, mail, programmes, requestId }));
      },
      'funding.digest-run': async (p, { log }) => {
        const n = await runDigests({ producer, now: p.now ? new Date(p.now) : undefined, timeZone: tz });
        log.info({ digests: n }, 'weekly digests enqueued');
      },
      'funding.send-digest': async (p, { requestId }) => {
        await sendDigest({ ...p, producer, mail, requestId });
      },
      'funding.reminders-run': async (p, { log }) => {
        const today = p.today ?? dateIn(tz);
        const n = await runReminders({ producer, today, reminderDays: settings.reminderDays });
        log.info({ today, programmes: n }, 'deadline reminders enqueued');
      },
      'funding.link-check-run': async (_p, { log }) => {
        const r = await checkProgrammeLinks({ timeoutMs: settings.linkCheckTimeoutMs });
        log.info(r, 'official links checked');
      },
      'funding.housekeeping': async (p, { log }) => {
        const now = p.now ? new Date(p.now) : new Date();
        await backfillAddressKeys();
        const expired = await expirePendingSubscriptions(now);
        const redone = await reconcileMatches({ producer, now });
        // Keeps the outbox short between publishes.
        const { applied } = await applyMatchIndexChanges(index);
        log.info({ expired, redone, matchIndexChanges: applied }, 'funding housekeeping done');
      },
      'funding.close-expired-run': async (p, { log, requestId }) => {
        // A system action without a person behind it: logged with the ids, not audited.
        const { closed } = await closeExpiredProgrammes({
          producer,
          now: p.now ? new Date(p.now) : undefined,
          timeZone: tz,
          requestId,
        });
        log.info({ closed }, 'programmes past their last deadline closed');
      },
      'funding.rebuild-match-index': async (_p, { log }) => {
        const r = await rebuildMatchIndex(index);
        log.info(r, 'match index rebuilt');
      },
    },
  });
  // After the start-up rebuild settles, so it can release the index lock.
  worker.on('closed', () => void started.finally(() => index.redis.disconnect()));
  return worker;
}
