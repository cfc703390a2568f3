import mongoose from 'mongoose';
import { Event, type EventDoc } from './models/event';
import { Registration } from './models/registration';
import { seatsTakenByEvent } from './list-events';

export type UpcomingEvent = {
  id: string;
  organisationId: string;
  title: string;
  status: EventDoc['status'];
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  seatsTaken: number;
  waitlisted: number;
};

/**
 * The next events (drafts and published, not cancelled) of some organisations, or of all when
 * `organisationIds` is absent (admins), soonest first, with seats taken and the waiting list
 * counted from the records. Bounded by `limit`; one organisation is an exact-match filter.
 */
export async function listUpcomingEventsOf(opts: {
  organisationIds?: string[];
  limit?: number;
  now?: Date;
}): Promise<UpcomingEvent[]> {
  if (opts.organisationIds && opts.organisationIds.length === 0) return [];
  const limit = Math.min(50, Math.max(1, opts.limit ?? 10));
  const filter: Record<string, unknown> = {
    status: mongoose.trusted({ $in: ['draft', 'published'] }),
    endsAt: mongoose.trusted({ $gte: opts.now ?? new Date() }),
  };
  const ids = opts.organisationIds;
  if (ids) filter.organisationId = ids.length === 1 ? ids[0] : mongoose.trusted({ $in: ids });
  const events = await Event.find(filter, {
    organisationId: 1,
    title: 1,
    status: 1,
    startsAt: 1,
    endsAt: 1,
    capacity: 1,
  })
    .sort({ startsAt: 1, _id: 1 })
    .limit(limit)
    .lean();
  const eventIds = events.map((e) => String(e._id));
  const [taken, waiting] = await Promise.all([seatsTakenByEvent(eventIds), waitlistedByEvent(eventIds)]);
  return events.map((e) => ({
    id: String(e._id),
    organisationId: e.organisationId,
    title: e.title,
    status: e.status,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    capacity: e.capacity,
    seatsTaken: taken.get(String(e._id)) ?? 0,
    waitlisted: waiting.get(String(e._id)) ?? 0,
  }));
}

async function waitlistedByEvent(eventIds: string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await Registration.aggregate<{ _id: string; n: number }>([
    { $match: { eventId: { $in: eventIds }, status: 'waitlisted' } },
    { $group: { _id: '$eventId', n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, r.n]));
}
