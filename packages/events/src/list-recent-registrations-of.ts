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

/** How many of an organisation's events, newest first, the recent registrations are taken from. */
const EVENTS_SCANNED = 200;

/**
 * The newest registrations for some organisations' events, or for all (admins, when
 * `organisationIds` is absent). Registrations carry only their event's id, so an
 * organisation's are found through its latest events (bounded), then at most `limit` rows.
 */
export async function listRecentRegistrationsOf(opts: {
  organisationIds?: string[];
  limit?: number;
}): Promise<RecentRegistration[]> {
  const ids = opts.organisationIds;
  if (ids && ids.length === 0) return [];
  const limit = Math.min(50, Math.max(1, opts.limit ?? 10));
  const projection = { eventId: 1, name: 1, status: 1, createdAt: 1 };
  let regs: Pick<RegistrationDoc, '_id' | 'eventId' | 'name' | 'status' | 'createdAt'>[];
  const events = new Map<string, { title: string; organisationId: string }>();
  if (ids) {
    const own = await Event.find(
      { organisationId: ids.length === 1 ? ids[0] : mongoose.trusted({ $in: ids }) },
      { title: 1, organisationId: 1 },
    )
      .sort({ startsAt: -1 })
      .limit(EVENTS_SCANNED)
      .lean();
    for (const e of own) events.set(String(e._id), { title: e.title, organisationId: e.organisationId });
    if (events.size === 0) return [];
    regs = await Registration.find({ eventId: mongoose.trusted({ $in: [...events.keys()] }) }, projection)
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean();
  } else {
    regs = await Registration.find({}, projection).sort({ createdAt: -1, _id: -1 }).limit(limit).lean();
    const missing = [...new Set(regs.map((r) => r.eventId))];
    // At most `limit` events, each by `_id`: the one lookup FerretDB answers from an index.
    const found = await Promise.all(
      missing.map((id) =>
        /^[0-9a-f]{24}$/.test(id) ? Event.findById(id, { title: 1, organisationId: 1 }).lean() : null,
      ),
    );
    for (const e of found)
      if (e) events.set(String(e._id), { title: e.title, organisationId: e.organisationId });
  }
  return regs.flatMap((r) => {
    const e = events.get(r.eventId);
    if (!e) return [];
    return [
      {
        id: String(r._id),
        eventId: r.eventId,
        eventTitle: e.title,
        organisationId: e.organisationId,
        name: r.name,
        status: r.status,
        registeredAt: r.createdAt,
      },
    ];
  });
}
