import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Logger } from '@qn/log';
import { createWorker, QueueName, type Producer } from '@qn/queue';
import { fundingSettings, type FundingSettings } from '@qn/funding';

export type AlertsWorkerDeps = {
  config: Config;
  connection: Redis;
  logger: Logger;
  producer: Producer;
  settings?: Partial<FundingSettings>;
  concurrency?: number;
};

/** Consumes the alerts queue: matching, immediate alerts, digests, reminders, data quality. */
export function createAlertsWorker(deps: AlertsWorkerDeps): Worker {
  const _settings = fundingSettings(deps.settings);
  return createWorker({
    queue: QueueName.alerts,
    connection: deps.connection,
    prefix: deps.config.QUEUE_PREFIX,
    logger: deps.logger,
    concurrency: deps.concurrency ?? 10,
    handlers: {},
  });
}
