import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '@qn/log';
import { createWorker, QueueName, type Producer } from '@qn/queue';
import {
  anonymiseEventRegistrations,
  expireOffer,
  notifyEventChange,
  sendReminder,
  type EventsDeps,
} from '@qn/events';

export type EventsWorkerDeps = {
  events: Omit<EventsDeps, 'requestId'>;
  connection: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  /** When given, (re)installs the daily retention scheduler at start. */
  retention?: { producer: Producer; olderThanDays?: number };
};

/** Consumes the events queue: reminders, offer expiry, change notices, retention. */
export function createEventsWorker(deps: EventsWorkerDeps): Worker {
  const withRequest = (requestId?: string): EventsDeps => ({ ...deps.events, requestId });
  if (deps.retention) {
    scheduleEventRetention(deps.retention.producer, deps.retention.olderThanDays).catch((err: Error) =>
      deps.logger.error({ err: err.message }, 'could not schedule event retention'),
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
        const r = await anonymiseEventRegistrations(p);
        log.info(r, 'registrations anonymised');
      },
    },
  });
}

/** Retention runs daily at 03:15 Berlin time; upserting keeps exactly one scheduler. */
export async function scheduleEventRetention(producer: Producer, olderThanDays = 90): Promise<void> {
  await producer.queue(QueueName.events).upsertJobScheduler(
    'events-retention',
    { pattern: '15 3 * * *', tz: 'Europe/Berlin' },
    {
      name: 'events.anonymise-registrations',
      data: { payload: { olderThanDays }, meta: { enqueuedAt: new Date().toISOString() } },
    },
  );
}
