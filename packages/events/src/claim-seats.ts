import { isDuplicateKeyError } from '@qn/db';
import { AppError } from '@qn/domain';
import { Seat, seatId, type SeatDoc } from './models/seat';
import { currentGen, popSeatNos, returnSeatNos } from './seat-pool';
import { Event } from './models/event';
import type { EventsDeps } from './events-deps';

type PoolDeps = Pick<EventsDeps, 'redis' | 'keyPrefix'>;

/**
 * Inserts one seat document per number and returns the numbers this call got. A duplicate key
 * means that seat is someone else's: it is left out, never overwritten.
 */
export async function insertSeats(
  eventId: string,
  registrationId: string,
  seatNos: number[],
): Promise<number[]> {
  const takenAt = new Date();
  const docs: SeatDoc[] = seatNos.map((n) => ({
    _id: seatId(eventId, n),
    eventId,
    seatNo: n,
    registrationId,
    takenAt,
  }));
  if (docs.length === 1) {
    try {
      await Seat.collection.insertOne(docs[0]! as never);
      return seatNos;
    } catch (err) {
      if (isDuplicateKeyError(err)) return [];
      throw err;
    }
  }
  try {
    await Seat.collection.insertMany(docs as never[], { ordered: false });
    return seatNos;
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { index: number; code?: number }[] }).writeErrors;
    if (!writeErrors || writeErrors.some((w) => w.code !== 11000)) throw err;
    const lost = new Set(writeErrors.map((w) => w.index));
    return seatNos.filter((_, i) => !lost.has(i));
  }
}

export async function releaseSeats(eventId: string, seatNos: number[]): Promise<void> {
  if (seatNos.length === 0) return;
  // One delete per `_id`: FerretDB 1.x reads the whole collection for `{_id: {$in: …}}`.
  await Promise.all(seatNos.map((n) => Seat.deleteOne({ _id: seatId(eventId, n) })));
}

/**
 * The registrant's path to seats: pop candidates from the Redis pool, insert their seat
 * documents (the arbiter), retry with fresh candidates when one was stale. Returns the seat
 * numbers, or null when the event is full. `rebuild` is called when the pool was lost.
 */
export async function claimSeatsFast(
  deps: PoolDeps,
  opts: { eventId: string; registrationId: string; count: number; rebuild: () => Promise<void> },
): Promise<number[] | null> {
  const { eventId, registrationId, count } = opts;
  for (let attempt = 0; attempt < 50; attempt++) {
    const popped = await popSeatNos(deps, eventId, count);
    if (popped.kind === 'missing') {
      await opts.rebuild();
      continue;
    }
    if (popped.kind === 'empty') return null;
    if (popped.kind === 'closed') throw new AppError('gone', 'Die Veranstaltung wurde abgesagt.');
    const got = await insertSeats(eventId, registrationId, popped.seatNos);
    if (got.length < count) {
      // Some candidates were stale (taken already): give back what we got and try again.
      await releaseSeats(eventId, got);
      await returnSeatNos(deps, eventId, got);
      continue;
    }
    if ((await currentGen(deps, eventId)) !== popped.gen && !(await stillWithinCapacity(eventId, got))) {
      // The pool was rebuilt or the capacity lowered while we held candidates: re-checked
      // against the database, these seats would exceed it, so they are not ours to keep.
      await releaseSeats(eventId, got);
      return null;
    }
    return got;
  }
  return null;
}

async function stillWithinCapacity(eventId: string, seatNos: number[]): Promise<boolean> {
  const event = await Event.findById(eventId, { capacity: 1 }).lean();
  if (!event) return false;
  if (seatNos.some((n) => n > event.capacity)) return false;
  return (await Seat.countDocuments({ eventId })) <= event.capacity;
}

export async function seatsTaken(eventId: string): Promise<number> {
  return Seat.countDocuments({ eventId });
}
