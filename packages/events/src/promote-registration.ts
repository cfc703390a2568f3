import { AppError } from '@qn/domain';
import { Event } from './models/event';
import { Registration, type RegistrationDoc } from './models/registration';
import { Seat } from './models/seat';
import { insertSeats, releaseSeats } from './claim-seats';
import { withEventLock } from './event-lock';
import { confirmSeatHolder } from './confirm-seat-holder';
import { isOpenForSeats } from './settle-seats';
import type { EventsDeps } from './events-deps';

/**
 * An organiser moves one person from the waiting list to a confirmed seat, out of turn (a
 * phone call, a carer who needs the seat). Seats are claimed as everywhere else: by unique
 * inserts of seat numbers within the capacity, under the event lock, so a newcomer holding a
 * pool candidate loses the insert and takes the next one, and the event is never oversold.
 * No free seat → conflict; nothing changes.
 */
export async function promoteRegistration(
  deps: EventsDeps,
  opts: { eventId: string; registrationId: string; now?: Date },
): Promise<RegistrationDoc> {
  const first = await Registration.findById(opts.registrationId).lean();
  if (!first || first.eventId !== opts.eventId) throw AppError.notFound('Anmeldung nicht gefunden.');
  return withEventLock(deps, first.eventId, async () => {
    const reg = (await Registration.findById(first._id).lean())!;
    const event = await Event.findById(reg.eventId).lean();
    if (!event) throw AppError.notFound('Veranstaltung nicht gefunden.');
    if (reg.status === 'confirmed') return reg;
    if (reg.status !== 'waitlisted' && reg.status !== 'offered')
      throw AppError.conflict('Die Anmeldung steht nicht auf der Warteliste.');
    if (!isOpenForSeats(event))
      throw new AppError('gone', 'Die Veranstaltung ist nicht (mehr) offen für Anmeldungen.');
    const regId = String(reg._id);
    const need = 1 + reg.companions;
    // An offered registration holds its seats already; a waitlisted one needs them now.
    const held = await Seat.countDocuments({ registrationId: regId });
    if (held < need) {
      const taken = new Set(
        (await Seat.find({ eventId: reg.eventId }, { seatNo: 1 }).lean()).map((s) => s.seatNo),
      );
      const got: number[] = [];
      for (let n = 1; n <= event.capacity && got.length < need - held; n++) {
        if (taken.has(n)) continue;
        // Count-limited too: seats numbered above a lowered capacity still count.
        if (taken.size + got.length >= event.capacity) break;
        if ((await insertSeats(reg.eventId, regId, [n])).length === 1) got.push(n);
      }
      if (got.length < need - held) {
        await releaseSeats(reg.eventId, got);
        throw AppError.conflict('Kein freier Platz: die Veranstaltung ist ausgebucht.');
      }
    }
    const now = opts.now ?? new Date();
    return confirmSeatHolder(deps, { event, registration: reg, kind: 'promoted', now });
  });
}
