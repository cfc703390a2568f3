import mongoose from 'mongoose';
import { Event, type EventDoc } from './models/event';
import { Registration, type RegistrationDoc } from './models/registration';
import { Seat } from './models/seat';
import { enqueueRegistrationMail, type RegistrationMailKind } from './registration-mails';
import { scheduleReminders } from './reminders';
import { emitEventChanged } from './emit-event-changed';
import { withEventLock } from './event-lock';
import { settleSeatsLocked } from './settle-seats';
import type { EventsDeps } from './events-deps';
import { backfillRegistrantIndex, ensureIndexed } from './registrant-index';

/** What a registration's current state owes: the mail of that state, keyed by when it began. */
function owedMail(reg: RegistrationDoc): { kind: RegistrationMailKind; at: Date } | null {
  switch (reg.status) {
    case 'confirmed':
      return reg.confirmedAt ? { kind: 'confirmed', at: reg.confirmedAt } : null;
    case 'waitlisted':
      return reg.waitlistedAt ? { kind: 'waitlisted', at: reg.waitlistedAt } : null;
    case 'offered':
      return reg.offerExpiresAt ? { kind: 'offered', at: reg.offerExpiresAt } : null;
    case 'offer-expired':
      return reg.offerExpiresAt ? { kind: 'offer-expired', at: reg.offerExpiresAt } : null;
    case 'cancelled':
      return reg.cancelledAt ? { kind: 'cancelled', at: reg.cancelledAt } : null;
  }
}

/**
 * The reconciler that closes the gap between a database write and its enqueue (a crash in
 * between): for what changed in the last `sinceMinutes` it enqueues again what is owed. Mail
 * ledger keys and deterministic job ids make every repeat a no-op when the first one went.
 * Seats older than `graceMs` without a registration (a crash between the seat insert and the
 * registration insert) are released, and the freed seats settled.
 */
export async function reconcileEvents(
  deps: EventsDeps,
  opts: { sinceMinutes: number; now?: Date; graceMs?: number },
): Promise<{ registrations: number; events: number; orphanSeats: number }> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - opts.sinceMinutes * 60_000);
  const changedEvents = await Event.find({ updatedAt: mongoose.trusted({ $gte: since }) }).lean();
  for (const event of changedEvents) {
    await emitEventChanged(
      deps,
      event,
      event.status === 'cancelled' ? 'cancelled' : event.sequence === 0 ? 'created' : 'updated',
    );
    // Notices are owed only for changes after publication (and for a cancellation of a
    // published event): a draft's edits and the publication itself tell no registrant anything.
    const owesNotice =
      event.publishedSequence !== undefined &&
      (event.status === 'cancelled' || event.sequence > event.publishedSequence);
    if (owesNotice) {
      await deps.producer.enqueue('events.notify-change', {
        eventId: String(event._id),
        sequence: event.sequence,
        change: event.status === 'cancelled' ? 'cancelled' : 'updated',
        moved: event.status !== 'cancelled',
        mail: true,
        revision: event.updatedAt.getTime(),
      });
    }
  }

  const regs = await Registration.find({
    updatedAt: mongoose.trusted({ $gte: since }),
    anonymisedAt: mongoose.trusted({ $exists: false }),
  }).lean();
  // An index write lost to a crash or a busy lock is made good here (docs/adr/0011).
  await ensureIndexed(deps, regs);
  const events = new Map<string, EventDoc>();
  for (const reg of regs) {
    if (!events.has(reg.eventId)) {
      const e = await Event.findById(reg.eventId).lean();
      if (e) events.set(reg.eventId, e);
    }
    const event = events.get(reg.eventId);
    const owed = owedMail(reg);
    if (!event || !owed) continue;
    const regId = String(reg._id);
    await enqueueRegistrationMail(deps, {
      kind: owed.kind,
      event,
      registration: reg,
      occurrence: String(owed.at.getTime()),
    });
    if (reg.status === 'confirmed' && event.status === 'published')
      await scheduleReminders(deps, event, regId);
    if (reg.status === 'offered' && reg.offerExpiresAt) {
      await deps.producer.enqueue(
        'events.expire-offer',
        { registrationId: regId, offerExpiresAt: reg.offerExpiresAt.toISOString() },
        { delay: Math.max(0, reg.offerExpiresAt.getTime() - now.getTime()) },
      );
    }
  }

  const graceMs = opts.graceMs ?? 2 * 60_000;
  const seats = await Seat.find({
    takenAt: mongoose.trusted({ $gte: since, $lt: new Date(now.getTime() - graceMs) }),
  }).lean();
  const holders = new Set(
    (
      await Registration.find(
        {
          _id: mongoose.trusted({ $in: [...new Set(seats.map((s) => s.registrationId))] }),
          status: mongoose.trusted({ $in: ['confirmed', 'offered'] }),
        },
        { _id: 1 },
      ).lean()
    ).map((r) => String(r._id)),
  );
  const orphans = seats.filter((s) => !holders.has(s.registrationId));
  for (const eventId of new Set(orphans.map((s) => s.eventId))) {
    await withEventLock(deps, eventId, async () => {
      for (const seat of orphans.filter((s) => s.eventId === eventId)) {
        // Re-checked under the lock: the holder may have been written meanwhile.
        const holder = await Registration.findById(seat.registrationId, { status: 1 }).lean();
        if (holder && (holder.status === 'confirmed' || holder.status === 'offered')) continue;
        await Seat.deleteOne({ _id: seat._id, registrationId: seat.registrationId });
      }
      await settleSeatsLocked(deps, eventId);
    });
  }
  // Last, so that a first long pass over older data never holds up what is owed above.
  await backfillRegistrantIndex(deps);
  return { registrations: regs.length, events: changedEvents.length, orphanSeats: orphans.length };
}
