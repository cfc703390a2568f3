import mongoose from 'mongoose';
import { Event, type EventDoc } from './models/event';
import { Seat } from './models/seat';
import { escapeRegex, normaliseWords } from './search-terms';

export type EventFilter = {
  from?: Date;
  to?: Date;
  municipality?: string;
  fieldOfAction?: string;
  kind?: string;
  q?: string;
  page: number;
  pageSize: number;
};

export type PublicEvent = ReturnType<typeof publicEventOf>;

/** What anyone may see of an event: no internal fields, seats left counted from seat documents. */
export function publicEventOf(e: EventDoc, seatsTaken: number) {
  return {
    id: String(e._id),
    organisationId: e.organisationId,
    title: e.title,
    description: e.description,
    kind: e.kind,
    fieldsOfAction: e.fieldsOfAction,
    municipality: e.municipality,
    venue: e.venue,
    // Whether one can join online; the link itself goes to confirmed attendees only.
    online: !!e.onlineUrl,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    capacity: e.capacity,
    seatsLeft: Math.max(0, e.capacity - seatsTaken),
    waitlistEnabled: e.waitlistEnabled,
    maxCompanions: e.maxCompanions,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    audience: e.audience,
    contact: e.contact,
    accessibility: e.accessibility,
    status: e.status,
    sequence: e.sequence,
    questions: e.questions?.length ? e.questions : undefined,
  };
}

export async function seatsTakenByEvent(eventIds: string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await Seat.aggregate<{ _id: string; n: number }>([
    { $match: { eventId: { $in: eventIds } } },
    { $group: { _id: '$eventId', n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((r) => [r._id, r.n]));
}

/** Published events, upcoming by default, filtered and paginated, with seats left. */
export async function listPublicEvents(f: EventFilter): Promise<{ items: PublicEvent[]; total: number }> {
  const filter: Record<string, unknown> = { status: 'published' };
  const range: Record<string, Date> = { $gte: f.from ?? new Date() };
  if (f.to) range.$lte = f.to;
  filter.startsAt = mongoose.trusted(range);
  if (f.municipality) filter.municipality = f.municipality;
  if (f.kind) filter.kind = f.kind;
  if (f.fieldOfAction) filter.fieldsOfAction = f.fieldOfAction;
  const words = f.q ? normaliseWords(f.q).slice(0, 8) : [];
  if (words.length) {
    filter.$and = words.map((w) => ({ searchTerms: mongoose.trusted({ $regex: `^${escapeRegex(w)}` }) }));
  }
  const [docs, total] = await Promise.all([
    Event.find(filter)
      .sort({ startsAt: 1, _id: 1 })
      .skip((f.page - 1) * f.pageSize)
      .limit(f.pageSize)
      .lean(),
    Event.countDocuments(filter),
  ]);
  const taken = await seatsTakenByEvent(docs.map((d) => String(d._id)));
  return { items: docs.map((d) => publicEventOf(d, taken.get(String(d._id)) ?? 0)), total };
}

/** The event as its organisers see it: the public view with the meeting link. */
export function organiserEventOf(e: EventDoc, seatsTaken: number) {
  return { ...publicEventOf(e, seatsTaken), onlineUrl: e.onlineUrl };
}
