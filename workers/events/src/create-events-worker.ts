import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@qn/log';
import { createWorker, QueueName, type Producer } from '@qn/queue';
import {
  anonymiseEventRegistrations,
  expireOffer,
  notifyEventChange,
  reconcileEvents,
  sendReminder,
  type EventsDeps,
} from '@qn/events';

export type EventsWorkerDeps = {
  events: Omit<EventsDeps, 'requestId'>;
  connection: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  /** When given, (re)installs the retention and reconcile schedulers at start. */
  schedule?: { producer: Producer; olderThanDays?: number };
};

/** Consumes the events queue: reminders, offer expiry, change notices, retention. */
export function createEventsWorker(deps: EventsWorkerDeps): Worker {
  const withRequest = (requestId?: string): EventsDeps => ({ ...deps.events, requestId });
  if (deps.schedule) {
    scheduleEventJobs(deps.schedule.producer, deps.schedule.olderThanDays).catch((err: Error) =>
      deps.logger.error({ err: err.message }, 'could not install the events schedulers'),
    );
  }
  return createWorker({
    queue: QueueName.events,
    connection: deps.connection,
    prefix: deps.prefix,
    logger: deps.logger,
    concurrency: deps.concurrency ?? 10,
    handlers: {
      'events.send-reminder': async (p, { log, requestId }) => {
        const sent = await sendReminder(withRequest(requestId), p);
        log.debug({ sent }, 'reminder handled');
      },
      'events.expire-offer': async (p, { log, requestId }) => {
        const expired = await expireOffer(withRequest(requestId), {
          registrationId: p.registrationId,
          offerExpiresAt: new Date(p.offerExpiresAt),
        });
        log.debug({ expired }, 'offer expiry handled');
      },
      'events.notify-change': async (p, { log, requestId }) => {
        const r = await notifyEventChange(withRequest(requestId), p);
        log.info({ eventId: p.eventId, ...r }, 'registrants told of change');
      },
      'events.anonymise-registrations': async (p, { log }) => {
        const r = await anonymiseEventRegistrations({ ...p, index: deps.events });
        log.info(r, 'registrations anonymised');
      },
      'events.reconcile': async (p, { log }) => {
        const r = await reconcileEvents(withRequest(), p);
        log.debug(r, 'events reconciled');
      },
    },
  });
}

const envelope = <P>(payload: P) => ({ payload, meta: { enqueuedAt: new Date().toISOString() } });

/**
 * Retention daily at 03:15 Berlin time; the reconciler every 5 minutes over the last hour.
 * Upserting keeps exactly one scheduler of each, however many workers start.
 */
export async function scheduleEventJobs(producer: Producer, olderThanDays = 90): Promise<void> {
  const queue = producer.queue(QueueName.events);
  await queue.upsertJobScheduler(
    'events-retention',
    { pattern: '15 3 * * *', tz: 'Europe/Berlin' },
    { name: 'events.anonymise-registrations', data: envelope({ olderThanDays }) },
  );
  await queue.upsertJobScheduler(
    'events-reconcile',
    { every: 5 * 60_000 },
    { name: 'events.reconcile', data: envelope({ sinceMinutes: 60 }) },
  );
}
