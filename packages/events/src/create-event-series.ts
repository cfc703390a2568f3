import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { isDuplicateKeyError } from '@qn/db';
import { AppError } from '@qn/domain';
import { Event, type EventDoc } from './models/event';
import { EventSeries, type EventSeriesDoc, type SeriesTemplate } from './models/event-series';
import { eventSearchTerms } from './event-fields';
import { emitEventChanged } from './emit-event-changed';
import { cachedEvent } from './event-cache';
import { assertEventTexts, assertTimes } from './manage-event';
import { localDateTimeOf, seriesDates, type SeriesSchedule } from './series-dates';
import type { EventsDeps } from './events-deps';

/**
 * The `_id` of a series' n-th date: the first 12 bytes of SHA-256(series id, index). The same
 * series always names the same dates, so a repeated or concurrent create collides on the
 * unique `_id` instead of inserting a second set, and a retry after a crash completes the set.
 */
export function occurrenceId(seriesId: string, index: number): string {
  return createHash('sha256').update(`event-series:${seriesId}:${index}`).digest('hex').slice(0, 24);
}

export type SeriesDate = { startsAt: Date; endsAt: Date };

/**
 * The dates a schedule yields, each checked against the event rules (a start ahead, …): what
 * the console previews and what a create inserts. Throws with the field named, nothing stored.
 */
export function previewEventSeries(
  deps: Pick<EventsDeps, 'timeZone'>,
  input: { schedule: SeriesSchedule; template: SeriesTemplate },
  now = new Date(),
): SeriesDate[] {
  assertEventTexts(input.template);
  const dates = seriesDates(input.schedule, deps.timeZone);
  for (const d of dates) {
    try {
      assertTimes(d, { startsAtChanged: true, now });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      const day = localDateTimeOf(d.startsAt, deps.timeZone).date;
      throw AppError.validation([{ field: 'firstDate', message: `the date ${day} is not ahead` }]);
    }
  }
  return dates;
}

export async function loadEventSeries(seriesId: string): Promise<EventSeriesDoc> {
  const series = mongoose.isValidObjectId(seriesId)
    ? await EventSeries.findById(seriesId).lean<EventSeriesDoc>()
    : null;
  if (!series) throw AppError.notFound('Reihe nicht gefunden.');
  return series;
}

/** Every stored date of the series, in order, each read by its `_id`. */
export async function seriesOccurrences(
  series: Pick<EventSeriesDoc, '_id' | 'occurrenceCount'>,
): Promise<EventDoc[]> {
  const id = String(series._id);
  const docs = await Promise.all(
    Array.from({ length: series.occurrenceCount }, (_, i) =>
      Event.findById(occurrenceId(id, i)).lean<EventDoc>(),
    ),
  );
  return docs.filter((d): d is EventDoc => d !== null);
}

/**
 * Creates a series and all its dates as drafts. Everything is validated before anything is
 * stored. `seriesId` (the console form carries one) makes the create idempotent: a repeat finds
 * the stored series, builds the dates from the stored rule and inserts only those missing.
 */
export async function createEventSeries(
  deps: EventsDeps,
  input: { seriesId?: string; organisationId: string; schedule: SeriesSchedule; template: SeriesTemplate },
): Promise<{ series: EventSeriesDoc; events: EventDoc[]; inserted: number }> {
  const id = input.seriesId ?? String(new mongoose.Types.ObjectId());
  if (!mongoose.isValidObjectId(id) || !/^[0-9a-f]{24}$/.test(id))
    throw AppError.validation([{ field: 'seriesId', message: 'must be 24 hex digits' }]);
  let series: EventSeriesDoc | null = await EventSeries.findById(id).lean<EventSeriesDoc>();
  if (!series) {
    const dates = previewEventSeries(deps, input);
    try {
      const doc = await EventSeries.create({
        _id: id,
        organisationId: input.organisationId,
        schedule: input.schedule,
        template: input.template,
        occurrenceCount: dates.length,
      });
      series = doc.toObject() as EventSeriesDoc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      series = (await EventSeries.findById(id).lean<EventSeriesDoc>())!;
    }
  }
  if (series.organisationId !== input.organisationId)
    throw AppError.conflict('Diese Reihe gehört einer anderen Organisation.');
  // The stored rule wins over the repeat's input: the set is the one first validated.
  const dates = seriesDates(series.schedule, deps.timeZone).slice(0, series.occurrenceCount);
  let inserted = 0;
  for (const [i, d] of dates.entries()) {
    try {
      const doc = await Event.create({
        _id: occurrenceId(id, i),
        ...series.template,
        organisationId: series.organisationId,
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        status: 'draft',
        sequence: 0,
        searchTerms: eventSearchTerms(series.template),
        seriesId: id,
        occurrence: i,
      });
      inserted++;
      await emitEventChanged(deps, doc.toObject() as EventDoc, 'created');
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  return { series, events: await seriesOccurrences(series), inserted };
}

/**
 * The series of a date and its next published dates still ahead, for the public event page:
 * at most `limit` point reads by derived `_id`, never a filter on `seriesId`.
 */
export async function nextSeriesDates(
  event: Pick<EventDoc, 'seriesId' | 'occurrence'>,
  opts: { limit?: number; now?: Date } = {},
): Promise<{ title: string; dates: { id: string; startsAt: Date; endsAt: Date }[] } | undefined> {
  if (!event.seriesId || event.occurrence === undefined) return undefined;
  const series = await EventSeries.findById(event.seriesId).lean<EventSeriesDoc>();
  if (!series) return undefined;
  const now = opts.now ?? new Date();
  const from = event.occurrence + 1;
  const n = Math.max(0, Math.min(opts.limit ?? 5, series.occurrenceCount - from));
  const docs = await Promise.all(
    Array.from({ length: n }, (_, i) => cachedEvent(occurrenceId(event.seriesId!, from + i))),
  );
  const dates = docs
    .filter((d): d is EventDoc => !!d && d.status === 'published' && d.startsAt > now)
    .map((d) => ({ id: String(d._id), startsAt: d.startsAt, endsAt: d.endsAt }));
  return { title: series.template.title, dates };
}
