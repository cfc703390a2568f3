import { Event, type EventDoc } from './models/event';
import { Registration, type RegistrationDoc } from './models/registration';
import { Seat } from './models/seat';
import { insertSeats, releaseSeats } from './claim-seats';
import { appendToPool, currentGen, closePool, poolSeatNos } from './seat-pool';
import { withEventLock } from './event-lock';
import { enqueueRegistrationMail } from './registration-mails';
import { scheduleReminders } from './reminders';
import type { EventsDeps } from './events-deps';

export type SettleResult = { promoted: string[]; offered: string[]; pooled: number };

export function isOpenForSeats(event: Pick<EventDoc, 'status' | 'startsAt'>, now = Date.now()): boolean {
  return event.status === 'published' && event.startsAt.getTime() > now;
}

/**
 * Gives free seats to the waiting list in order ((waitlistedAt, _id), first who fits), as a
 * confirmation or a time-limited offer by the event's rule, then hands what is left to the
 * pool for new registrants. Rebuilds a lost pool. Must run under the event lock: it is the
 * one writer of waitlisted registrations and of the pool's refills.
 */
export async function settleSeatsLocked(deps: EventsDeps, eventId: string): Promise<SettleResult> {
  const result: SettleResult = { promoted: [], offered: [], pooled: 0 };
  const event = await Event.findById(eventId).lean();
  if (!event || event.status === 'cancelled') {
    await closePool(deps, eventId);
    return result;
  }
  const taken = await Seat.find({ eventId }, { seatNo: 1 }).lean();
  const takenNos = new Set(taken.map((s) => s.seatNo));
  const pooled = new Set(await poolSeatNos(deps, eventId));
  // Count-limited as well as id-limited, so seats numbered above a lowered capacity still count.
  // Numbers still in the pool are candidates too: the waiting list comes before newcomers, and
  // a newcomer who pops one that was given away here loses the insert and tries the next.
  const room = Math.max(0, event.capacity - taken.length);
  const free: number[] = [];
  for (let n = 1; n <= event.capacity && free.length < room; n++) if (!takenNos.has(n)) free.push(n);

  const now = new Date();
  const promotedDocs: RegistrationDoc[] = [];
  if (isOpenForSeats(event) && free.length > 0) {
    const waiting = await Registration.find({ eventId, status: 'waitlisted' })
      .sort({ waitlistedAt: 1, _id: 1 })
      .lean();
    for (const reg of waiting) {
      const need = 1 + reg.companions;
      if (free.length < need) continue;
      const got: number[] = [];
      while (got.length < need && free.length > 0) {
        const n = free.shift()!;
        // A registrant holding a stale pool candidate may have taken it: the insert decides.
        if ((await insertSeats(eventId, String(reg._id), [n])).length === 1) got.push(n);
      }
      if (got.length < need) {
        await releaseSeats(eventId, got);
        free.unshift(...got);
        continue;
      }
      const offer = event.promotionMode === 'offer';
      const update = offer
        ? {
            status: 'offered' as const,
            offerExpiresAt: new Date(now.getTime() + event.offerHours * 3600_000),
          }
        : { status: 'confirmed' as const, confirmedAt: now };
      await Registration.updateOne({ _id: reg._id }, { $set: update });
      promotedDocs.push({ ...reg, ...update });
      (offer ? result.offered : result.promoted).push(String(reg._id));
    }
  }
  if (event.status === 'published')
    await appendToPool(
      deps,
      eventId,
      free.filter((n) => !pooled.has(n)),
      event.endsAt,
    );
  result.pooled = free.length;

  for (const reg of promotedDocs) {
    const regId = String(reg._id);
    if (reg.status === 'offered') {
      await deps.producer.enqueue(
        'events.expire-offer',
        { registrationId: regId, offerExpiresAt: reg.offerExpiresAt!.toISOString() },
        { delay: Math.max(0, reg.offerExpiresAt!.getTime() - Date.now()), requestId: deps.requestId },
      );
      await enqueueRegistrationMail(deps, {
        kind: 'offered',
        event,
        registration: reg,
        occurrence: String(reg.offerExpiresAt!.getTime()),
      });
    } else {
      await scheduleReminders(deps, event, regId, { replace: true });
      await enqueueRegistrationMail(deps, {
        kind: 'promoted',
        event,
        registration: reg,
        occurrence: String(reg.confirmedAt!.getTime()),
      });
    }
  }
  return result;
}

export function settleSeats(deps: EventsDeps, eventId: string): Promise<SettleResult> {
  return withEventLock(deps, eventId, () => settleSeatsLocked(deps, eventId));
}

/** The pool was lost (Redis restarted): the first caller rebuilds it, the others find it built. */
export function rebuildPool(deps: EventsDeps, eventId: string): Promise<void> {
  return withEventLock(deps, eventId, async () => {
    if ((await currentGen(deps, eventId)) === null) await settleSeatsLocked(deps, eventId);
  });
}
