import type { Request, Router } from 'express';
import { z } from 'zod';
import { auditFromRequest } from '@qn/audit';
import { assertAuthenticated, assertCanManageOrganisation, assertCanViewOrganisation } from '@qn/auth';
import { AppError } from '@qn/domain';
import { parseInput } from '@qn/http';
import {
  cancelEventSeries,
  createEventSeries,
  loadEventSeries,
  publishEventSeries,
  seriesOccurrences,
  updateEventSeries,
  type EventSeriesDoc,
  type EventsDeps,
  type SeriesSchedule,
} from '@qn/events';
import { eventShape, objectId } from './event-input';

const weekday = z.number().int().min(1).max(7);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time (HH:mm)');

export const scheduleInput = z.strictObject({
  rule: z.discriminatedUnion('freq', [
    z.strictObject({ freq: z.literal('weekly'), weekday }),
    z.strictObject({
      freq: z.literal('monthly-weekday'),
      weekday,
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    }),
    z.strictObject({ freq: z.literal('monthly-day'), day: z.number().int().min(1).max(31) }),
  ]),
  firstDate: day,
  startTime: time,
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  until: day.optional(),
  count: z.number().int().min(1).max(52).optional(),
});

const {
  startsAt: _s,
  endsAt: _e,
  registrationOpensAt: _o,
  registrationClosesAt: _c,
  ...templateShape
} = eventShape;
export const templateInput = z.strictObject(templateShape);

export const createSeriesInput = z.strictObject({
  seriesId: objectId.optional().describe('Chosen by the client to make a retried create idempotent'),
  organisationId: z.string().min(1).max(100).optional(),
  schedule: scheduleInput,
  template: templateInput,
});

export const updateSeriesInput = z.strictObject({
  changes: templateInput.partial(),
  startTime: time.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
});

export const seriesParams = z.strictObject({ seriesId: objectId });

async function seriesView(s: EventSeriesDoc) {
  const dates = await seriesOccurrences(s);
  return {
    id: String(s._id),
    organisationId: s.organisationId,
    schedule: s.schedule,
    title: s.template.title,
    dates: dates.map((e) => ({
      id: String(e._id),
      occurrence: e.occurrence ?? 0,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      status: e.status,
      title: e.title,
    })),
  };
}

/**
 * /api/events/series: the same series functions as the console. Dates are ordinary events,
 * so registration, attendees and single-date changes stay on /api/events/:eventId.
 */
export function seriesRoutes(router: Router, depsOf: (req: Request) => EventsDeps): void {
  async function series(req: Request, manage: boolean): Promise<EventSeriesDoc> {
    const p = assertAuthenticated(req.principal);
    const { seriesId } = parseInput(seriesParams, req.params);
    const s = await loadEventSeries(seriesId);
    if (manage) assertCanManageOrganisation(p, s.organisationId);
    else assertCanViewOrganisation(p, s.organisationId);
    return s;
  }
  const audit = (req: Request, action: string, s: EventSeriesDoc, fields?: string[]) =>
    auditFromRequest(req, {
      action,
      objectType: 'event-series',
      objectId: String(s._id),
      organisationId: s.organisationId,
      fields,
    });

  router.post('/series', async (req, res) => {
    const principal = assertAuthenticated(req.principal);
    const input = parseInput(createSeriesInput, req.body);
    const organisationId =
      input.organisationId ?? (principal.role === 'admin' ? undefined : principal.organisationId);
    if (!organisationId)
      throw AppError.validation([{ field: 'organisationId', message: 'required for admins' }]);
    assertCanManageOrganisation(principal, organisationId);
    const { series: s, inserted } = await createEventSeries(depsOf(req), {
      seriesId: input.seriesId,
      organisationId,
      // The zod range matches Weekday; the domain checks it again.
      schedule: input.schedule as SeriesSchedule,
      template: input.template,
    });
    if (inserted) await audit(req, 'event-series.create', s);
    res.status(inserted ? 201 : 200).json(await seriesView(s));
  });

  router.get('/series/:seriesId', async (req, res) => {
    res.json(await seriesView(await series(req, false)));
  });

  router.post('/series/:seriesId/publish', async (req, res) => {
    const s = await series(req, true);
    await publishEventSeries(depsOf(req), { seriesId: String(s._id) });
    await audit(req, 'event-series.publish', s);
    res.json(await seriesView(s));
  });

  router.patch('/series/:seriesId', async (req, res) => {
    const s = await series(req, true);
    const input = parseInput(updateSeriesInput, req.body);
    const { updated } = await updateEventSeries(depsOf(req), { seriesId: String(s._id), ...input });
    await audit(req, 'event-series.update', s, [...new Set(updated.flatMap((u) => u.changed))]);
    res.json(await seriesView(await loadEventSeries(String(s._id))));
  });

  router.post('/series/:seriesId/cancel', async (req, res) => {
    const s = await series(req, true);
    await cancelEventSeries(depsOf(req), { seriesId: String(s._id) });
    await audit(req, 'event-series.cancel', s);
    res.json(await seriesView(s));
  });
}
