import mongoose from 'mongoose';
import { AppError, assertCleanText } from '@qn/domain';
import { Event, type EventDoc } from './models/event';
import { Seat } from './models/seat';
import { CALENDAR_FIELDS, eventSearchTerms, type EventFields } from './event-fields';
import { emitEventChanged } from './emit-event-changed';
import { withEventLock } from './event-lock';
import { forgetEvent } from './event-cache';
import { closePool, resetPool } from './seat-pool';
import { insertSeats } from './claim-seats';
import { settleSeatsLocked } from './settle-seats';
import type { EventsDeps } from './events-deps';

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2101, 0, 1);

/**
 * The rules of an event's times that hold whichever way it is entered. `startsAtChanged`:
 * the start is new (created or moved), so it must lie ahead; an event that has begun may
 * still be edited otherwise.
 */
export function assertTimes(
  e: Pick<EventFields, 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt'>,
  opts: { startsAtChanged: boolean; now?: Date },
) {
  const fields = [];
  for (const k of ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const) {
    const t = e[k]?.getTime();
    if (t !== undefined && !(t >= EARLIEST && t < LATEST))
      fields.push({ field: k, message: 'must be in the years 2000 to 2100' });
  }
  if (fields.length) throw AppError.validation(fields);
  if (e.endsAt <= e.startsAt) fields.push({ field: 'endsAt', message: 'must be after startsAt' });
  if (opts.startsAtChanged && e.startsAt <= (opts.now ?? new Date()))
    fields.push({ field: 'startsAt', message: 'must be in the future' });
  if (e.registrationOpensAt && e.registrationClosesAt && e.registrationClosesAt <= e.registrationOpensAt)
    fields.push({ field: 'registrationClosesAt', message: 'must be after registrationOpensAt' });
  if (e.registrationClosesAt && e.registrationClosesAt > e.endsAt)
    fields.push({ field: 'registrationClosesAt', message: 'must not be after the event ends' });
  if (e.registrationOpensAt && e.registrationOpensAt >= e.endsAt)
    fields.push({ field: 'registrationOpensAt', message: 'must be before the event ends' });
  if (fields.length) throw AppError.validation(fields);
}

/** Texts of an event that no page, mail, CSV or calendar could carry. */
export function assertEventTexts(e: Partial<EventFields>): void {
  assertCleanText({
    line: {
      title: e.title,
      'venue.name': e.venue?.name,
      'venue.street': e.venue?.street,
      'venue.city': e.venue?.city,
      'contact.name': e.contact?.name,
      'contact.phone': e.contact?.phone,
      audience: e.audience,
    },
    text: { description: e.description, accessibility: e.accessibility },
  });
}

export async function createEvent(
  deps: EventsDeps,
  input: EventFields & { organisationId: string },
): Promise<EventDoc> {
  assertEventTexts(input);
  assertTimes(input, { startsAtChanged: true });
  const doc = await Event.create({
    ...input,
    status: 'draft',
    sequence: 0,
    searchTerms: eventSearchTerms(input),
  });
  const event = doc.toObject() as EventDoc;
  await emitEventChanged(deps, event, 'created');
  return event;
}

export async function loadEvent(eventId: string): Promise<EventDoc> {
  const event = mongoose.isValidObjectId(eventId) ? await Event.findById(eventId).lean() : null;
  if (!event) throw AppError.notFound('Veranstaltung nicht gefunden.');
  return event;
}

/**
 * Changes an event under its lock. Calendar-relevant changes raise the SEQUENCE, tell every
 * registrant (fan-out job) and emit `events.changed`. A raised capacity promotes from the
 * waiting list; a lowered one is refused below the seats held, and seats numbered above it are
 * moved down so every seat id stays within the capacity.
 */
export async function updateEvent(
  deps: EventsDeps,
  opts: { eventId: string; changes: Partial<EventFields> },
): Promise<{ event: EventDoc; changed: string[] }> {
  const current = await loadEvent(opts.eventId);
  const eventId = String(current._id);
  return withEventLock(deps, eventId, async () => {
    const before = (await Event.findById(eventId).lean())!;
    if (before.status === 'cancelled') throw new AppError('gone', 'Die Veranstaltung wurde abgesagt.');
    const merged = { ...before, ...opts.changes } as EventDoc;
    assertEventTexts(opts.changes);
    assertTimes(merged, {
      startsAtChanged:
        opts.changes.startsAt !== undefined && opts.changes.startsAt.getTime() !== before.startsAt.getTime(),
    });
    const changed = Object.keys(opts.changes).filter(
      (k) =>
        JSON.stringify((before as Record<string, unknown>)[k]) !==
        JSON.stringify((opts.changes as Record<string, unknown>)[k]),
    );
    if (changed.length === 0) return { event: before, changed };
    const calendarChange = changed.some((k) => (CALENDAR_FIELDS as readonly string[]).includes(k));
    const set: Record<string, unknown> = { ...opts.changes, searchTerms: eventSearchTerms(merged) };
    if (calendarChange) set.sequence = before.sequence + 1;

    const lowering = opts.changes.capacity !== undefined && opts.changes.capacity < before.capacity;
    if (lowering) {
      const held = await Seat.countDocuments({ eventId });
      if (held > opts.changes.capacity!)
        throw AppError.conflict(
          `Die Kapazität kann nicht unter die ${held} bereits vergebenen Plätze gesenkt werden.`,
        );
    }
    await Event.updateOne({ _id: before._id }, { $set: set });
    forgetEvent(eventId);
    if (lowering) {
      // From here registrants holding old candidates re-check against the new capacity.
      await resetPool(deps, eventId);
      if (!(await compactSeats(eventId, opts.changes.capacity!))) {
        await Event.updateOne({ _id: before._id }, { $set: { capacity: before.capacity } });
        await settleSeatsLocked(deps, eventId);
        throw AppError.conflict('Die Kapazität kann gerade nicht gesenkt werden; bitte erneut versuchen.');
      }
    }
    const event = (await Event.findById(eventId).lean())!;
    if (changed.includes('capacity') && event.status === 'published') await settleSeatsLocked(deps, eventId);
    const moved = changed.includes('startsAt') || changed.includes('reminderOffsetsMinutes');
    if (event.status === 'published' && (calendarChange || moved)) {
      await deps.producer.enqueue(
        'events.notify-change',
        {
          eventId,
          sequence: event.sequence,
          change: 'updated',
          moved,
          mail: calendarChange,
          revision: event.updatedAt.getTime(),
        },
        { requestId: deps.requestId },
      );
    }
    if (calendarChange) await emitEventChanged(deps, event, 'updated');
    return { event, changed };
  });
}

/** Moves seats numbered above `capacity` to free numbers within it. False if one could not move. */
async function compactSeats(eventId: string, capacity: number): Promise<boolean> {
  const seats = await Seat.find({ eventId }).lean();
  const high = seats.filter((s) => s.seatNo > capacity);
  if (high.length === 0) return true;
  const takenNos = new Set(seats.map((s) => s.seatNo));
  const free: number[] = [];
  for (let n = 1; n <= capacity; n++) if (!takenNos.has(n)) free.push(n);
  for (const seat of high) {
    let moved = false;
    while (!moved && free.length > 0) {
      moved = (await insertSeats(eventId, seat.registrationId, [free.shift()!])).length === 1;
    }
    if (!moved) return false;
    await Seat.deleteOne({ _id: seat._id });
  }
  return true;
}

export async function publishEvent(deps: EventsDeps, opts: { eventId: string }): Promise<EventDoc> {
  const current = await loadEvent(opts.eventId);
  const eventId = String(current._id);
  return withEventLock(deps, eventId, async () => {
    const before = (await Event.findById(eventId).lean())!;
    if (before.status === 'cancelled') throw new AppError('gone', 'Die Veranstaltung wurde abgesagt.');
    if (before.status === 'published') return before;
    const sequence = before.sequence + 1;
    const set = {
      status: 'published' as const,
      publishedAt: new Date(),
      sequence,
      publishedSequence: sequence,
    };
    await Event.updateOne({ _id: before._id }, { $set: set });
    forgetEvent(eventId);
    await settleSeatsLocked(deps, eventId);
    const event = { ...before, ...set };
    await emitEventChanged(deps, event, 'published');
    return event;
  });
}

/** Cancels the event: no more registrations, every registrant told with METHOD:CANCEL. */
export async function cancelEvent(deps: EventsDeps, opts: { eventId: string }): Promise<EventDoc> {
  const current = await loadEvent(opts.eventId);
  const eventId = String(current._id);
  return withEventLock(deps, eventId, async () => {
    const before = (await Event.findById(eventId).lean())!;
    if (before.status === 'cancelled') return before;
    const set = { status: 'cancelled' as const, cancelledAt: new Date(), sequence: before.sequence + 1 };
    await Event.updateOne({ _id: before._id }, { $set: set });
    forgetEvent(eventId);
    await closePool(deps, eventId);
    const event = { ...before, ...set };
    if (before.status === 'published') {
      await deps.producer.enqueue(
        'events.notify-change',
        {
          eventId,
          sequence: event.sequence,
          change: 'cancelled',
          moved: false,
          mail: true,
          revision: set.cancelledAt.getTime(),
        },
        { requestId: deps.requestId },
      );
    }
    await emitEventChanged(deps, event, 'cancelled');
    return event;
  });
}
