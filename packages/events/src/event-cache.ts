import { Event, type EventDoc } from './models/event';

/**
 * The registration hot path reads its event from here: a burst of 2,000 registrations makes
 * one database read per second and process instead of 2,000 (a read costs FerretDB about as
 * much as an insert). One second of staleness is harmless: seats are arbitrated by the pool
 * and the seat inserts, and a cancellation closes the pool in Redis at once (seat-pool.ts).
 */
const TTL_MS = 1_000;
const cache = new Map<string, { at: number; doc: Promise<EventDoc | null> }>();

export function cachedEvent(eventId: string, now = Date.now()): Promise<EventDoc | null> {
  const hit = cache.get(eventId);
  if (hit && now - hit.at < TTL_MS) return hit.doc;
  if (cache.size > 1_000) cache.clear();
  // Concurrent misses share one read.
  const doc = Event.findById(eventId).lean<EventDoc>().exec();
  cache.set(eventId, { at: now, doc });
  doc.catch(() => cache.delete(eventId));
  return doc;
}

/** After this process changed an event: its next registration reads it fresh. */
export function forgetEvent(eventId: string): void {
  cache.delete(eventId);
}
