import { AppError } from '@qn/domain';
import { EventSeries, type SeriesTemplate } from './models/event-series';
import type { EventDoc } from './models/event';
import { Seat } from './models/seat';
import type { EventFields } from './event-fields';
import { assertEventTexts, assertTimes, cancelEvent, publishEvent, updateEvent } from './manage-event';
import { loadEventSeries, seriesOccurrences } from './create-event-series';
import { atLocalTime, scheduleIssues } from './series-dates';
import type { EventsDeps } from './events-deps';

/** Dates of the series not yet begun and not cancelled: what "all future dates" means. */
export async function futureOccurrences(seriesId: string, now = new Date()): Promise<EventDoc[]> {
  const series = await loadEventSeries(seriesId);
  return (await seriesOccurrences(series)).filter((e) => e.startsAt > now && e.status !== 'cancelled');
}

/** Publishes every future draft date of the series. */
export async function publishEventSeries(
  deps: EventsDeps,
  opts: { seriesId: string; now?: Date },
): Promise<{ published: string[] }> {
  const future = await futureOccurrences(opts.seriesId, opts.now);
  const published: string[] = [];
  for (const e of future.filter((x) => x.status === 'draft')) {
    await publishEvent(deps, { eventId: String(e._id) });
    published.push(String(e._id));
  }
  await EventSeries.updateOne({ _id: opts.seriesId }, { $set: { publishedAt: new Date() } });
  return { published };
}

/**
 * Applies the changes to every future date through `updateEvent`, so each date's registrants
 * get its change notice and .ics update and past dates keep what they were. `startTime` and
 * `durationMinutes` move each date on its own local day. All dates are checked first, so a
 * refused change (a lowered capacity below a date's seats, an end before the start) changes none.
 */
export async function updateEventSeries(
  deps: EventsDeps,
  opts: {
    seriesId: string;
    changes: Partial<SeriesTemplate>;
    startTime?: string;
    durationMinutes?: number;
    now?: Date;
  },
): Promise<{ updated: { eventId: string; changed: string[] }[] }> {
  const issues = scheduleIssues({
    rule: { freq: 'monthly-day', day: 1 },
    firstDate: '2000-01-01',
    startTime: opts.startTime ?? '00:00',
    durationMinutes: opts.durationMinutes ?? 60,
    count: 1,
  });
  if (issues.length) throw AppError.validation(issues);
  assertEventTexts(opts.changes);
  const future = await futureOccurrences(opts.seriesId, opts.now);
  const plans = future.map((e) => {
    const changes: Partial<EventFields> = { ...opts.changes };
    const startsAt = opts.startTime ? atLocalTime(e.startsAt, opts.startTime, deps.timeZone) : e.startsAt;
    const minutes = opts.durationMinutes ?? (e.endsAt.getTime() - e.startsAt.getTime()) / 60_000;
    if (opts.startTime) changes.startsAt = startsAt;
    if (opts.startTime || opts.durationMinutes)
      changes.endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    assertTimes(
      { ...e, ...changes },
      { startsAtChanged: startsAt.getTime() !== e.startsAt.getTime(), now: opts.now },
    );
    return { eventId: String(e._id), changes };
  });
  if (opts.changes.capacity !== undefined) {
    for (const p of plans) {
      const held = await Seat.countDocuments({ eventId: p.eventId });
      if (held > opts.changes.capacity)
        throw AppError.conflict(
          `Die Kapazität kann nicht unter die ${held} bereits vergebenen Plätze eines Termins gesenkt werden.`,
        );
    }
  }
  const updated = [];
  for (const p of plans) {
    const { changed } = await updateEvent(deps, p);
    updated.push({ eventId: p.eventId, changed });
  }
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts.changes)) set[`template.${k}`] = v;
  if (opts.startTime) set['schedule.startTime'] = opts.startTime;
  if (opts.durationMinutes) set['schedule.durationMinutes'] = opts.durationMinutes;
  if (Object.keys(set).length) await EventSeries.updateOne({ _id: opts.seriesId }, { $set: set });
  return { updated };
}

/** Cancels every future date through `cancelEvent`: each date's registrants get METHOD:CANCEL. */
export async function cancelEventSeries(
  deps: EventsDeps,
  opts: { seriesId: string; now?: Date },
): Promise<{ cancelled: string[] }> {
  const cancelled: string[] = [];
  for (const e of await futureOccurrences(opts.seriesId, opts.now)) {
    await cancelEvent(deps, { eventId: String(e._id) });
    cancelled.push(String(e._id));
  }
  return { cancelled };
}
