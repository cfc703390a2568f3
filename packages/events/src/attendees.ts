import { AppError } from '@qn/domain';
import { Registration, type RegistrationDoc } from './models/registration';
import { Seat } from './models/seat';
import { withEventLock } from './event-lock';
import type { EventDoc } from './models/event';
import type { EventsDeps } from './events-deps';
import { hasEmail } from './contact';
import type { RegistrationAnswer } from './check-answers';

export type Attendee = {
  id: string;
  name: string;
  /** Absent for someone registered by phone or letter without an address. */
  email?: string;
  phone?: string;
  postalAddress?: string;
  organisation?: string;
  accessibilityNeeds?: string;
  answers?: RegistrationAnswer[];
  companions: number;
  status: RegistrationDoc['status'];
  source: RegistrationDoc['source'];
  registeredAt: Date;
  checkedInAt?: Date;
  offerExpiresAt?: Date;
};

export function attendeeOf(r: RegistrationDoc): Attendee {
  return {
    id: String(r._id),
    name: r.name,
    email: hasEmail(r.email) ? r.email : undefined,
    phone: r.phone,
    postalAddress: r.postalAddress,
    organisation: r.organisation,
    accessibilityNeeds: r.accessibilityNeeds,
    answers: r.answers,
    companions: r.companions,
    status: r.status,
    source: r.source,
    registeredAt: r.createdAt,
    checkedInAt: r.checkedInAt,
    offerExpiresAt: r.offerExpiresAt,
  };
}

/** Confirmed first, then offers, the waiting list in its order, then the cancelled. */
export async function listAttendees(eventId: string): Promise<Attendee[]> {
  const rank = { confirmed: 0, offered: 1, waitlisted: 2, cancelled: 3, 'offer-expired': 4 } as const;
  const regs = await Registration.find({ eventId }).sort({ createdAt: 1, _id: 1 }).lean();
  return regs
    .sort((a, b) => {
      const d = rank[a.status] - rank[b.status];
      if (d !== 0) return d;
      const ta = (a.status === 'waitlisted' ? a.waitlistedAt : a.createdAt)?.getTime() ?? 0;
      const tb = (b.status === 'waitlisted' ? b.waitlistedAt : b.createdAt)?.getTime() ?? 0;
      return ta - tb || String(a._id).localeCompare(String(b._id));
    })
    .map(attendeeOf);
}

export type AttendeeCounts = {
  capacity: number;
  seatsTaken: number;
  seatsLeft: number;
  confirmed: number;
  confirmedSeats: number;
  offered: number;
  waitlisted: number;
  cancelled: number;
  attended: number;
  noShows: number;
};

/** Counts from records, never from stored counters. No-shows count only once the event began. */
export async function attendeeCounts(event: EventDoc, now = new Date()): Promise<AttendeeCounts> {
  const eventId = String(event._id);
  // FerretDB's $group lacks $add/$cond: one narrow projection, tallied here.
  const regs = await Registration.find({ eventId }, { status: 1, companions: 1, checkedInAt: 1 }).lean();
  const by = new Map<string, { n: number; seats: number; attended: number }>();
  for (const r of regs) {
    const t = by.get(r.status) ?? { n: 0, seats: 0, attended: 0 };
    t.n++;
    t.seats += 1 + r.companions;
    if (r.checkedInAt) t.attended++;
    by.set(r.status, t);
  }
  const seatsTaken = await Seat.countDocuments({ eventId });
  const confirmed = by.get('confirmed');
  const attended = confirmed?.attended ?? 0;
  return {
    capacity: event.capacity,
    seatsTaken,
    seatsLeft: Math.max(0, event.capacity - seatsTaken),
    confirmed: confirmed?.n ?? 0,
    confirmedSeats: confirmed?.seats ?? 0,
    offered: by.get('offered')?.n ?? 0,
    waitlisted: by.get('waitlisted')?.n ?? 0,
    cancelled: (by.get('cancelled')?.n ?? 0) + (by.get('offer-expired')?.n ?? 0),
    attended,
    noShows: event.startsAt <= now ? (confirmed?.n ?? 0) - attended : 0,
  };
}

/** Marks a confirmed attendee as present, or undoes it. Under the event lock: one writer. */
export async function setCheckedIn(
  deps: EventsDeps,
  opts: { eventId: string; registrationId: string; attended: boolean; now?: Date },
): Promise<Attendee> {
  return withEventLock(deps, opts.eventId, async () => {
    const reg = await Registration.findOne({ _id: opts.registrationId, eventId: opts.eventId }).lean();
    if (!reg) throw AppError.notFound('Anmeldung nicht gefunden.');
    if (reg.status !== 'confirmed')
      throw AppError.conflict('Nur bestätigte Anmeldungen können eingecheckt werden.');
    if (opts.attended) {
      const checkedInAt = reg.checkedInAt ?? opts.now ?? new Date();
      await Registration.updateOne({ _id: reg._id }, { $set: { checkedInAt } });
      return attendeeOf({ ...reg, checkedInAt });
    }
    await Registration.updateOne({ _id: reg._id }, { $unset: { checkedInAt: 1 } });
    return attendeeOf({ ...reg, checkedInAt: undefined });
  });
}
