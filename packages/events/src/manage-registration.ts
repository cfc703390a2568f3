import { AppError } from '@qn/domain';
import { Event, type EventDoc } from './models/event';
import { Registration, type RegistrationDoc } from './models/registration';
import { Seat } from './models/seat';
import { hashManageToken, registrationIdOfManageToken } from './manage-token';
import { OWN_ACT_WAIT_MS, withEventLock } from './event-lock';
import { confirmSeatHolder } from './confirm-seat-holder';
import { settleSeatsLocked } from './settle-seats';
import { enqueueRegistrationMail } from './registration-mails';
import { removeReminders } from './reminders';
import type { EventsDeps } from './events-deps';

export async function findByManageToken(
  token: string,
): Promise<{ registration: RegistrationDoc; event: EventDoc }> {
  const id = registrationIdOfManageToken(token);
  const found = id ? await Registration.findById(id).lean() : null;
  // The id only finds; the stored hash of the whole token decides.
  const registration = found?.manageTokenHash === hashManageToken(token) ? found : null;
  const event = registration && (await Event.findById(registration.eventId).lean());
  if (!registration || !event || registration.anonymisedAt)
    throw AppError.notFound('Anmeldung nicht gefunden.');
  return { registration, event };
}

/**
 * Cancels a registration (confirmed, offered or waitlisted: leaving the list is the same act),
 * frees its seats and promotes from the waiting list, all under the event lock so the
 * promotion sees the freed seats and no other writer touches the registration meanwhile.
 */
export async function cancelRegistration(
  deps: EventsDeps,
  opts: {
    registrationId: string;
    /** Only within this event (organiser routes). */ eventId?: string;
    /** False when the person is being erased: no receipt to an address that is going away. */
    notify?: boolean;
    now?: Date;
  },
): Promise<{ registration: RegistrationDoc; alreadyCancelled: boolean }> {
  const first = await Registration.findById(opts.registrationId).lean();
  if (!first || (opts.eventId !== undefined && first.eventId !== opts.eventId))
    throw AppError.notFound('Anmeldung nicht gefunden.');
  return withEventLock(
    deps,
    first.eventId,
    async () => {
      const reg = (await Registration.findById(first._id).lean())!;
      const event = await Event.findById(reg.eventId).lean();
      if (!event) throw AppError.notFound('Veranstaltung nicht gefunden.');
      if (reg.status === 'cancelled' || reg.status === 'offer-expired')
        return { registration: reg, alreadyCancelled: true };
      const now = opts.now ?? new Date();
      await Registration.updateOne({ _id: reg._id }, { $set: { status: 'cancelled', cancelledAt: now } });
      await Seat.deleteMany({ registrationId: String(reg._id) });
      await removeReminders(deps, event, String(reg._id));
      const cancelled: RegistrationDoc = { ...reg, status: 'cancelled', cancelledAt: now };
      if (opts.notify !== false)
        await enqueueRegistrationMail(deps, {
          kind: 'cancelled',
          event,
          registration: cancelled,
          occurrence: String(now.getTime()),
        });
      await settleSeatsLocked(deps, String(event._id));
      return { registration: cancelled, alreadyCancelled: false };
    },
    { waitMs: OWN_ACT_WAIT_MS },
  );
}

/** Accepts a seat offered from the waiting list, if the offer still stands. */
export async function acceptOffer(
  deps: EventsDeps,
  opts: { registrationId: string; now?: Date },
): Promise<RegistrationDoc> {
  const first = await Registration.findById(opts.registrationId).lean();
  if (!first) throw AppError.notFound('Anmeldung nicht gefunden.');
  return withEventLock(
    deps,
    first.eventId,
    async () => {
      const reg = (await Registration.findById(first._id).lean())!;
      const event = await Event.findById(reg.eventId).lean();
      if (!event) throw AppError.notFound('Veranstaltung nicht gefunden.');
      if (reg.status === 'confirmed') return reg;
      const now = opts.now ?? new Date();
      if (reg.status !== 'offered' || !reg.offerExpiresAt || reg.offerExpiresAt <= now)
        throw new AppError('gone', 'Das Platzangebot besteht nicht mehr.');
      return confirmSeatHolder(deps, { event, registration: reg, kind: 'confirmed', now });
    },
    { waitMs: OWN_ACT_WAIT_MS },
  );
}

/** The offer's deadline passed: release its seats and offer them to the next person. */
export async function expireOffer(
  deps: EventsDeps,
  opts: { registrationId: string; offerExpiresAt: Date; now?: Date },
): Promise<boolean> {
  const first = await Registration.findById(opts.registrationId).lean();
  if (!first) return false;
  return withEventLock(deps, first.eventId, async () => {
    const reg = (await Registration.findById(first._id).lean())!;
    const now = opts.now ?? new Date();
    if (
      reg.status !== 'offered' ||
      reg.offerExpiresAt?.getTime() !== opts.offerExpiresAt.getTime() ||
      reg.offerExpiresAt > now
    )
      return false;
    const event = await Event.findById(reg.eventId).lean();
    await Registration.updateOne({ _id: reg._id }, { $set: { status: 'offer-expired' } });
    await Seat.deleteMany({ registrationId: String(reg._id) });
    if (event) {
      await enqueueRegistrationMail(deps, {
        kind: 'offer-expired',
        event,
        registration: reg,
        occurrence: String(opts.offerExpiresAt.getTime()),
      });
      await settleSeatsLocked(deps, String(event._id));
    }
    return true;
  });
}
