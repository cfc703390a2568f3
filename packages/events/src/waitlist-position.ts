import mongoose from 'mongoose';
import { Registration, type RegistrationDoc } from './models/registration';

/**
 * A waitlisted registration's place in the queue, 1-based: the order the waiting list is
 * settled in, (waitlistedAt, _id), among the event's waitlisted registrations. Counted per call
 * (one read of the event's waiting list, a scan on FerretDB 1.x, the (eventId, status,
 * waitlistedAt) index on MongoDB): fine for a manage page or a mail, never for a list of many.
 * Null when the registration is not waiting.
 */
export async function waitlistPosition(
  reg: Pick<RegistrationDoc, '_id' | 'eventId' | 'status' | 'waitlistedAt'>,
): Promise<number | null> {
  if (reg.status !== 'waitlisted' || !reg.waitlistedAt) return null;
  const ahead = await Registration.countDocuments({
    eventId: reg.eventId,
    status: 'waitlisted',
    $or: [
      { waitlistedAt: mongoose.trusted({ $lt: reg.waitlistedAt }) },
      { waitlistedAt: reg.waitlistedAt, _id: mongoose.trusted({ $lt: reg._id }) },
    ],
  });
  return ahead + 1;
}
