import { Event, type EventDoc } from './models/event';
import { Registration, type RegistrationDoc } from './models/registration';
import { registrationIdsOfAddress } from './registrant-index';
import type { EventsDeps } from './events-deps';

export type AddressRegistration = { registration: RegistrationDoc; event: EventDoc };

/**
 * The address's registrations for events not yet over, soonest first, in every status (a
 * cancelled one can be taken up again from its manage page). Reads by `_id` only: the index,
 * then each registration and its event, so the cost grows with this address's registrations,
 * never with the collection. The registration decides: one that no longer carries the address
 * (anonymised, erased) is left out.
 */
export async function registrationsOfAddress(
  deps: Pick<EventsDeps, 'secretKey'>,
  email: string,
  opts: { now?: Date } = {},
): Promise<AddressRegistration[]> {
  const now = opts.now ?? new Date();
  const out: AddressRegistration[] = [];
  for (const id of await registrationIdsOfAddress(deps, email)) {
    const registration = await Registration.findById(id).lean();
    if (!registration || registration.email !== email || registration.anonymisedAt) continue;
    const event = await Event.findById(registration.eventId).lean();
    if (!event || event.status === 'draft' || event.endsAt < now) continue;
    out.push({ registration, event });
  }
  return out.sort(
    (a, b) =>
      a.event.startsAt.getTime() - b.event.startsAt.getTime() ||
      String(a.event._id).localeCompare(String(b.event._id)),
  );
}
