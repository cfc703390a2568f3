import {
  Event,
  EventSeries,
  cancelEventSeries,
  createEventSeries,
  eventsDepsOf,
  occurrenceId,
  publishEventSeries,
  registerAttendee,
  seriesOccurrences,
  updateEventSeries,
  type SeriesSchedule,
  type SeriesTemplate,
} from '@qn/events';
import { isAppError } from '@qn/domain';
import { MailLedger } from '@qn/mail';
import { listMail, waitForMail } from '@qn/testing';
import { eventFields } from './events-fixtures';
import { eventsStack } from './support/all-in-one-stack';

/**
 * Series on the real servers: dates are ordinary events with ids derived from the series, so
 * concurrent creates make one set, and "all future dates" goes through each date's own update.
 */
const s = eventsStack('evseries');
const deps = () => eventsDepsOf(s.aio.rt);

const {
  startsAt: _s,
  endsAt: _e,
  registrationClosesAt: _c,
  ...template
} = eventFields({
  title: 'Quartierstreff Oberensingen',
});
const tpl: SeriesTemplate = template;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const weekly = (count: number): SeriesSchedule => ({
  rule: { freq: 'weekly', weekday: 2 },
  firstDate: day(3),
  startTime: '18:00',
  durationMinutes: 90,
  count,
});
const seriesId = () => occurrenceId(String(Date.now()), Math.floor(Math.random() * 1e9));

it('makes one set of dates from concurrent identical creates', async () => {
  const id = seriesId();
  const input = { seriesId: id, organisationId: 'stadt-nuertingen', schedule: weekly(6), template: tpl };
  const results = await Promise.all([1, 2, 3].map(() => createEventSeries(deps(), input)));
  expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(6);
  expect(await EventSeries.countDocuments({ _id: id })).toBe(1);
  const stored = await Event.find({ seriesId: id }).sort({ startsAt: 1 }).lean();
  expect(stored.map((e) => e.occurrence)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(stored.every((e) => e.status === 'draft' && e.title === 'Quartierstreff Oberensingen')).toBe(true);
  expect(new Set(stored.map((e) => String(e._id))).size).toBe(6);
  // A retry after the set is complete inserts nothing.
  expect((await createEventSeries(deps(), input)).inserted).toBe(0);
});

it('stores nothing when a date breaks the rules, and names the field', async () => {
  const id = seriesId();
  const fieldsOf = async (schedule: SeriesSchedule, t: SeriesTemplate = tpl) => {
    try {
      await createEventSeries(deps(), {
        seriesId: id,
        organisationId: 'stadt-nuertingen',
        schedule,
        template: t,
      });
      return [];
    } catch (err) {
      if (!isAppError(err)) throw err;
      return err.details.fields!.map((f) => f.field);
    }
  };
  expect(await fieldsOf({ ...weekly(3), firstDate: day(-10) })).toEqual(['firstDate']);
  expect(await fieldsOf({ ...weekly(3), count: 60 })).toEqual(['count']);
  expect(await fieldsOf(weekly(3), { ...tpl, title: 'Treff\u0000' })).toEqual(['title']);
  expect(await EventSeries.countDocuments({ _id: id })).toBe(0);
  expect(await Event.countDocuments({ seriesId: id })).toBe(0);
});

it('edits all future dates through their own update: notices go to future dates’ registrants only', async () => {
  const id = seriesId();
  const { series } = await createEventSeries(deps(), {
    seriesId: id,
    organisationId: 'stadt-nuertingen',
    schedule: weekly(3),
    template: tpl,
  });
  await publishEventSeries(deps(), { seriesId: id });
  const [first, second, third] = await seriesOccurrences(series);
  expect([first, second, third].map((e) => e!.status)).toEqual(['published', 'published', 'published']);
  const past = `vergangen-${s.db}@example.org`;
  const future = `kuenftig-${s.db}@example.org`;
  const r1 = await registerAttendee(deps(), { eventId: String(first!._id), name: 'Paula', email: past });
  await registerAttendee(deps(), { eventId: String(second!._id), name: 'Fritz', email: future });
  await waitForMail({ to: past, subject: 'Anmeldung bestätigt' });
  await waitForMail({ to: future, subject: 'Anmeldung bestätigt' });

  // As if the first date had begun: it keeps its title and hears nothing.
  const now = new Date(first!.startsAt.getTime() + 60_000);
  const { updated } = await updateEventSeries(deps(), {
    seriesId: id,
    changes: { title: 'Quartierstreff Oberensingen (neuer Raum)' },
    startTime: '19:00',
    now,
  });
  expect(updated.map((u) => u.eventId)).toEqual([String(second!._id), String(third!._id)]);
  const [notice] = await waitForMail({
    to: future,
    subject: 'Änderung: Quartierstreff Oberensingen (neuer Raum)',
  });
  expect(notice!.text).toContain('19:00');
  const after = await seriesOccurrences(series);
  expect(after[0]!.title).toBe('Quartierstreff Oberensingen');
  expect(after[0]!.sequence).toBe(first!.sequence);
  expect(after[1]!.startsAt.getTime() - second!.startsAt.getTime()).toBe(3600_000);
  expect(after[2]!.endsAt.getTime() - after[2]!.startsAt.getTime()).toBe(90 * 60_000);
  // The first date was never updated (its sequence stands), so no fan-out job exists for it;
  // its registrant's ledger holds the confirmation only.
  expect(await MailLedger.countDocuments({ _id: new RegExp(`:${String(r1.registration._id)}`) })).toBe(1);
  expect(await listMail({ to: past, subject: 'Änderung' })).toHaveLength(0);

  const { cancelled } = await cancelEventSeries(deps(), { seriesId: id, now });
  expect(cancelled).toEqual([String(second!._id), String(third!._id)]);
  await waitForMail({ to: future, subject: 'Abgesagt' });
  expect((await seriesOccurrences(series)).map((e) => e.status)).toEqual([
    'published',
    'cancelled',
    'cancelled',
  ]);
});
