import type { EventsDeps } from './events-deps';

/** The domain event calendar feeds follow; enqueued after the database write. */
export async function emitEventChanged(
  deps: Pick<EventsDeps, 'producer' | 'requestId'>,
  event: { _id: unknown; sequence: number },
  change: 'created' | 'updated' | 'published' | 'cancelled',
): Promise<void> {
  await deps.producer.enqueue(
    'events.changed',
    { eventId: String(event._id), sequence: event.sequence, change },
    { requestId: deps.requestId },
  );
}
