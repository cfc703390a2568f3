import mongoose from 'mongoose';
import { Event } from './models/event';
import { Registration, type RegistrationDoc } from './models/registration';

export type RecentRegistration = {
  id: string;
  eventId: string;
  eventTitle: string;
  organisationId: string;
  /** The person's name: the caller shows it only to whoever may view the organisation. */
  name: string;
  status: RegistrationDoc['status'];
  registeredAt: Date;
};

/** Registrations come in before an event ends (an organiser may add one a little later). */
const ENDED_WITHIN_DAYS = 30;
/** At most this many events' registrations are looked at. */
const EVENTS_SCANNED = 1000;

/**
 * The newest registrations for some organisations' events, or for all (admins, when
 * `organisationIds` is absent). Registrations carry only their event's id, so they are found
 * through the events that are still to come or ended lately: on FerretDB the registration
 * query reads the collection either way, but only those events' registrations are sorted.
 */
export async function listRecentRegistrationsOf(opts: {
  organisationIds?: string[];
  limit?: number;
  now?: Date;
}): Promise<RecentRegistration[]> {
  const ids = opts.organisationIds;
  if (ids && ids.length === 0) return [];
  const limit = Math.min(50, Math.max(1, opts.limit ?? 10));
  const since = new Date((opts.now ?? new Date()).getTime() - ENDED_WITHIN_DAYS * 86_400_000);
  const eventFilter: Record<string, unknown> = { endsAt: mongoose.trusted({ $gte: since }) };
  if (ids) eventFilter.organisationId = ids.length === 1 ? ids[0] : mongoose.trusted({ $in: ids });
  const events = await Event.find(eventFilter, { title: 1, organisationId: 1 })
    .sort({ endsAt: 1, _id: 1 })
    .limit(EVENTS_SCANNED)
    .lean();
  if (events.length === 0) return [];
  const byId = new Map(events.map((e) => [String(e._id), e]));
  const regs = await Registration.find(
    { eventId: mongoose.trusted({ $in: [...byId.keys()] }) },
    { eventId: 1, name: 1, status: 1, createdAt: 1 },
  )
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .lean();
  return regs.map((r) => {
    const e = byId.get(r.eventId)!;
    return {
      id: String(r._id),
      eventId: r.eventId,
      eventTitle: e.title,
      organisationId: e.organisationId,
      name: r.name,
      status: r.status,
      registeredAt: r.createdAt,
    };
  });
}
