import type { Transporter } from 'nodemailer';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '@qn/config';
import type { Logger } from '@qn/log';
import { createWorker, QueueName, UnrecoverableError, type Producer, type JobEnvelope } from '@qn/queue';
import {
  createDeliveryDeps,
  deliverCampaignMail,
  fanOutCampaign,
  newsletterContext,
  PermanentDeliveryError,
  sendTestMail,
  sweepCampaigns,
} from '@qn/newsletter';
import { createNewsletterTransport, dkimKeyOf } from './create-newsletter-transport';

export type NewsletterWorkerDeps = {
  config: Config;
  /** Blocking connection for the BullMQ worker. */
  connection: Redis;
  /** Non-blocking connection for locks and counters. */
  redis: Redis;
  producer: Producer;
  logger: Logger;
  /** Campaign mails per second across every newsletter worker (BullMQ's limiter lives in Redis); 0 = no limit. */
  ratePerSecond?: number;
  concurrency?: number;
  smtpConnections?: number;
  sweepEveryMs?: number;
  stallAfterMs?: number;
  /** A transport to use instead of the worker's own (closed by its owner). */
  transport?: Transporter;
};

/**
 * Consumes the newsletter queue: fan-out (audience → delivery records → send jobs), one job
 * per campaign mail (claim → send → mark), test sends, and the sweep every few seconds.
 * The rate limit is BullMQ's queue-wide limiter, so it holds across all worker processes.
 */
export function createNewsletterWorker(deps: NewsletterWorkerDeps): Worker {
  const { config } = deps;
  const ctx = newsletterContext(config, deps.redis, deps.producer);
  const transport =
    deps.transport ?? createNewsletterTransport(config, { maxConnections: deps.smtpConnections });
  const dkim = dkimKeyOf(config);
  const delivery = createDeliveryDeps(ctx, transport, dkim);
  const queue = deps.producer.queue(QueueName.newsletter);
  const rate = deps.ratePerSecond ?? config.NEWSLETTER_RATE;
  const highWater = rate > 0 ? Math.max(200, rate * 5) : 5_000;

  const worker = createWorker({
    queue: QueueName.newsletter,
    connection: deps.connection,
    prefix: config.QUEUE_PREFIX,
    logger: deps.logger,
    concurrency: deps.concurrency ?? 50,
    lockDuration: config.WORKER_LOCK_MS,
    stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
    limiter: rate > 0 ? { max: rate, duration: 1_000 } : undefined,
    handlers: {
      'newsletter.send': async (p, { job, log }) => {
        try {
          const result = await deliverCampaignMail(delivery, p, String(job.id), {
            isLast: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
          });
          if (result !== 'sent') log.debug({ result }, 'campaign mail not sent');
        } catch (err) {
          if (err instanceof PermanentDeliveryError) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
      'newsletter.fan-out': async (p, { log }) => {
        const result = await fanOutCampaign(
          {
            ctx,
            log,
            highWater,
            backlog: async () => {
              const c = await queue.getJobCounts('waiting', 'prioritized');
              return (c.waiting ?? 0) + (c.prioritized ?? 0);
            },
          },
          p,
        );
        log.info({ campaignId: p.campaignId, gen: p.gen, result }, 'fan-out ended');
      },
      'newsletter.send-test': async (p, { job }) => {
        try {
          await sendTestMail(ctx, transport, p, String(job.id), dkim);
        } catch (err) {
          if (
            (err as { responseCode?: number }).responseCode &&
            (err as { responseCode: number }).responseCode >= 500
          )
            throw new UnrecoverableError((err as Error).message);
          throw err;
        }
      },
      'newsletter.sweep': async (_p, { log }) => {
        await sweepCampaigns({
          ctx,
          log,
          stallAfterMs: deps.stallAfterMs,
          jobState: async (id) => String(await queue.getJobState(id)),
        });
      },
    },
  });

  const envelope: JobEnvelope<Record<string, never>> = {
    payload: {},
    meta: { enqueuedAt: new Date().toISOString() },
  };
  queue
    .upsertJobScheduler(
      'newsletter-sweep',
      { every: deps.sweepEveryMs ?? 5_000 },
      { name: 'newsletter.sweep', data: envelope, opts: { removeOnComplete: true, removeOnFail: 100 } },
    )
    .catch((err: Error) =>
      deps.logger.error({ err: err.message }, 'could not schedule the newsletter sweep'),
    );

  if (!deps.transport) worker.on('closed', () => transport.close());
  return worker;
}
