import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Logger } from '@qn/log';
import { createWorker, QueueName, type Producer } from '@qn/queue';
import {
  fundingSettings,
  mailContextOf,
  matchProgramme,
  ProgrammeCache,
  sendAlert,
  type FundingSettings,
} from '@qn/funding';

export type AlertsWorkerDeps = {
  config: Config;
  connection: Redis;
  logger: Logger;
  producer: Producer;
  settings?: Partial<FundingSettings>;
  concurrency?: number;
};

/**
 * Consumes the alerts queue: matching after a publish or change, immediate alerts, weekly
 * digests, deadline reminders and the data-quality jobs. Each handler is idempotent by natural
 * keys (alert ids, job ids, mail ledger keys), so a retry or a restarted process repeats
 * nothing that reached a subscriber.
 */
export function createAlertsWorker(deps: AlertsWorkerDeps): Worker {
  const settings = fundingSettings(deps.settings);
  const mail = mailContextOf(deps.config);
  const producer = deps.producer;
  const programmes = new ProgrammeCache();
  return createWorker({
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
          batchSize: settings.matchBatchSize,
          requestId,
        });
        log.info({ programmeId: p.programmeId, reason: p.reason, ...r }, 'programme matched');
      },
      'funding.send-alert': async (p, { requestId }) => {
        await sendAlert({ ...p, producer, mail, programmes, requestId });
      },
    },
  });
}
