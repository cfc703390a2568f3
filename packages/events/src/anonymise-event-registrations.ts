import mongoose from 'mongoose';
import { Event } from './models/event';
import { Registration } from './models/registration';
import { dropAddressKey } from './registration-keys';
import { unindexRegistrations, type RegistrantIndexDeps } from './registrant-index';

/**
 * Retention: `olderThanDays` after an event ended, its registrations keep only what the counts
 * need (status, companions, check-in, dates); name, address, organisation and accessibility
 * needs, phone, postal address and the answers to the event's questions are blanked. The address becomes a placeholder unique per registration, so the
 * (event, address) index still holds. Runs from a single scheduled job, so it is the one
 * writer of these (finished) registrations.
 */
export async function anonymiseEventRegistrations(opts: {
  olderThanDays: number;
  now?: Date;
  /** To take the registrations out of their addresses' indexes (the worker passes its deps). */
  index?: RegistrantIndexDeps;
}): Promise<{ events: number; registrations: number }> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.olderThanDays * 86_400_000);
  const events = await Event.find(
    { endsAt: mongoose.trusted({ $lt: cutoff }), anonymisedAt: mongoose.trusted({ $exists: false }) },
    { _id: 1 },
  ).lean();
  let registrations = 0;
  for (const e of events) {
    const eventId = String(e._id);
    const regs = await Registration.find(
      { eventId, anonymisedAt: mongoose.trusted({ $exists: false }) },
      { _id: 1, email: 1 },
    ).lean();
    if (regs.length) {
      await Registration.bulkWrite(
        regs.map((r) => ({
          updateOne: {
            filter: { _id: r._id },
            update: {
              $set: {
                name: 'anonymisiert',
                email: `anonymisiert-${String(r._id)}@invalid`,
                anonymisedAt: now,
              },
              $unset: { organisation: 1, accessibilityNeeds: 1, phone: 1, postalAddress: 1, answers: 1 },
            },
          },
        })),
      );
      // The pointer's id is derivable from the address: it goes with the address.
      for (const r of regs) await dropAddressKey(eventId, r.email);
      if (opts.index) await unindexRegistrations(opts.index, regs);
      registrations += regs.length;
    }
    await Event.updateOne({ _id: e._id }, { $set: { anonymisedAt: now } });
  }
  return { events: events.length, registrations };
}
