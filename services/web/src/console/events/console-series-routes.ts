import { Router, type Request, type Response } from 'express';
import mongoose from 'mongoose';
import { auditFromRequest } from '@qn/audit';
import {
  assertAuthenticated,
  assertCanManageOrganisation,
  assertCanViewOrganisation,
  canManageOrganisation,
} from '@qn/auth';
import { AppError, isAppError } from '@qn/domain';
import {
  Registration,
  cancelEventSeries,
  createEventSeries,
  eventsDepsOf,
  futureOccurrences,
  loadEventSeries,
  previewEventSeries,
  publishEventSeries,
  seatsTakenByEvent,
  seriesOccurrences,
  updateEventSeries,
  type EventFields,
  type EventSeriesDoc,
  type EventsDeps,
  type SeriesDate,
  type SeriesTemplate,
} from '@qn/events';
import { emptyForm, html, parseForm, withFieldIssues, type FormState, type Lang } from '@qn/web-ui';
import { organisationChoices } from './organisation-choices';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import { consoleEventFormPage } from './console-event-pages';
import {
  domainFieldToForm,
  eventFieldsOf,
  eventForm,
  formValuesOfEvent,
  renderEventForm,
} from './event-form';
import {
  scheduleFieldToForm,
  scheduleOf,
  seriesFields,
  seriesForm,
  seriesLabels,
} from './console-series-form';
import { CONSOLE_SERIES, cancelSeriesPage, seriesPage, type SeriesDateRow } from './console-series-pages';
import { seriesWords } from './console-series-words';

const OBJECT_ID = /^[0-9a-f]{24}$/;

function templateOf(fields: EventFields): SeriesTemplate {
  const { startsAt: _s, endsAt: _e, registrationClosesAt: _c, registrationOpensAt: _o, ...template } = fields;
  return template;
}

/** The domain's problems beside the form fields, in the page's words where it has them. */
function domainErrors(form: FormState, err: AppError, lang: Lang): FormState {
  const words = seriesWords[lang].fieldIssue;
  const fields = err.details.fields?.map((f) => {
    const field = scheduleFieldToForm[f.field] ?? domainFieldToForm[f.field] ?? f.field;
    return { field, message: words[field] ?? f.message };
  });
  return withFieldIssues(form, fields, err.message);
}

/**
 * The console's event series: create with a preview of the dates, a page of the dates with
 * their seats and waiting lists, and publish, edit or cancel all future dates. A single date is
 * an ordinary event and keeps its own pages.
 */
export function consoleSeriesRoutes(deps: WebDeps): Router {
  const router = Router();
  const base = eventsDepsOf(deps);
  const tz = deps.config.TZ_DISPLAY;
  const depsOf = (req: Request): EventsDeps => ({ ...base, requestId: String(req.id) });

  async function seriesOfPath(req: Request, manage: boolean): Promise<EventSeriesDoc> {
    const p = assertAuthenticated(req.principal);
    const id = String(req.params.id);
    if (!OBJECT_ID.test(id)) throw AppError.notFound();
    const s = await loadEventSeries(id);
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

  const organisationsFor = (req: Request) => organisationChoices(assertAuthenticated(req.principal));

  async function showNewForm(
    req: Request,
    res: Response,
    form: FormState,
    opts: { preview?: SeriesDate[]; status?: number } = {},
  ) {
    const ctx = pageContext(res);
    const w = seriesWords[ctx.lang];
    const seriesId = String(form.values.seriesId ?? '');
    const body = renderEventForm(ctx, form, {
      action: `${CONSOLE_SERIES}/neu`,
      submit: w.create,
      organisations: await organisationsFor(req),
      extra: {
        labels: seriesLabels(ctx.lang),
        fields: seriesFields(ctx, form, { seriesId, preview: opts.preview, timeZone: tz }),
      },
    });
    render(res, consoleEventFormPage(ctx, w.newSeries, body, form), opts.status ?? 200);
  }

  router.get(`${CONSOLE_SERIES}/neu`, async (req, res) => {
    assertAuthenticated(req.principal);
    await showNewForm(
      req,
      res,
      emptyForm({
        seriesId: String(new mongoose.Types.ObjectId()),
        freq: 'weekly',
        waitlistEnabled: 'on',
        promotionMode: 'automatic',
        offerHours: '48',
        maxCompanions: '0',
        reminderHours: '24',
        capacity: '30',
        contactEmail: req.principal!.email,
      }),
    );
  });

  router.post(`${CONSOLE_SERIES}/neu`, async (req, res) => {
    const principal = assertAuthenticated(req.principal);
    const ctx = pageContext(res);
    // A form without its id (or with a forged one) gets a fresh one, never someone's series.
    if (!OBJECT_ID.test(String(req.body?.seriesId ?? '')))
      req.body = { ...req.body, seriesId: String(new mongoose.Types.ObjectId()) };
    const parsed = parseForm(seriesForm, req.body, ctx.t);
    if (!parsed.ok) return showNewForm(req, res, parsed.form, { status: 400 });
    const rule = scheduleOf(parsed.data, ctx.lang);
    if ('issues' in rule)
      return showNewForm(req, res, withFieldIssues(parsed.form, rule.issues, ''), { status: 400 });
    const choices = await organisationsFor(req);
    const organisationId = choices
      ? choices.find((c) => c.id === parsed.data.organisationId)?.id
      : principal.organisationId;
    if (!organisationId) {
      const issue = { field: 'organisationId', message: ctx.t('validation.required') };
      return showNewForm(req, res, withFieldIssues(parsed.form, [issue], ''), { status: 400 });
    }
    assertCanManageOrganisation(principal, organisationId);
    const input = { schedule: rule.schedule, template: templateOf(eventFieldsOf(parsed.data, tz)) };
    try {
      if (parsed.data.step === 'preview')
        return await showNewForm(req, res, parsed.form, { preview: previewEventSeries(base, input) });
      const { series, inserted } = await createEventSeries(depsOf(req), {
        ...input,
        seriesId: parsed.data.seriesId,
        organisationId,
      });
      if (inserted) await audit(req, 'event-series.create', series);
      res.redirect(303, `${CONSOLE_SERIES}/${String(series._id)}?erledigt=angelegt`);
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return showNewForm(req, res, domainErrors(parsed.form, err, ctx.lang), { status: 400 });
      throw err;
    }
  });

  router.get(`${CONSOLE_SERIES}/:id`, async (req, res) => {
    const s = await seriesOfPath(req, false);
    const events = await seriesOccurrences(s);
    const ids = events.map((e) => String(e._id));
    // Two reads for all dates, not two per date (each filter reads the whole collection).
    const [taken, waiting] = await Promise.all([
      seatsTakenByEvent(ids),
      Registration.find(
        { eventId: mongoose.trusted({ $in: ids }), status: 'waitlisted' },
        { eventId: 1 },
      ).lean(),
    ]);
    const waitingBy = new Map<string, number>();
    for (const r of waiting) waitingBy.set(r.eventId, (waitingBy.get(r.eventId) ?? 0) + 1);
    const rows: SeriesDateRow[] = events.map((event) => ({
      event,
      seatsTaken: taken.get(String(event._id)) ?? 0,
      waiting: waitingBy.get(String(event._id)) ?? 0,
    }));
    const ctx = pageContext(res);
    const w = seriesWords[ctx.lang];
    const n = Number(req.query.n) || 0;
    const done = String(req.query.erledigt ?? '');
    const message =
      done === 'angelegt'
        ? w.created
        : done === 'veroeffentlicht'
          ? w.published(n)
          : done === 'gespeichert'
            ? w.updated(n)
            : done === 'abgesagt'
              ? w.cancelled(n)
              : undefined;
    render(
      res,
      seriesPage(ctx, s, rows, {
        timeZone: tz,
        message,
        canManage: canManageOrganisation(req.principal!, s.organisationId),
      }),
    );
  });

  router.post(`${CONSOLE_SERIES}/:id/veroeffentlichen`, async (req, res) => {
    const s = await seriesOfPath(req, true);
    const { published } = await publishEventSeries(depsOf(req), { seriesId: String(s._id) });
    await audit(req, 'event-series.publish', s);
    res.redirect(303, `${CONSOLE_SERIES}/${String(s._id)}?erledigt=veroeffentlicht&n=${published.length}`);
  });

  async function showEditForm(res: Response, s: EventSeriesDoc, form: FormState, status = 200) {
    const ctx = pageContext(res);
    const w = seriesWords[ctx.lang];
    const body = renderEventForm(ctx, form, {
      action: `${CONSOLE_SERIES}/${String(s._id)}/bearbeiten`,
      submit: w.save,
    });
    const hint = html`<p><strong>${s.template.title}</strong></p>
      <p>${w.editFutureHint}</p>
      ${body}`;
    render(res, consoleEventFormPage(ctx, w.editFuture, hint, form), status);
  }

  router.get(`${CONSOLE_SERIES}/:id/bearbeiten`, async (req, res) => {
    const s = await seriesOfPath(req, true);
    const [next] = await futureOccurrences(String(s._id));
    if (!next) return res.redirect(303, `${CONSOLE_SERIES}/${String(s._id)}`);
    await showEditForm(res, s, emptyForm(formValuesOfEvent(next, tz)));
  });

  router.post(`${CONSOLE_SERIES}/:id/bearbeiten`, async (req, res) => {
    const s = await seriesOfPath(req, true);
    const ctx = pageContext(res);
    const parsed = parseForm(eventForm, req.body, ctx.t);
    if (!parsed.ok) return showEditForm(res, s, parsed.form, 400);
    const w = seriesWords[ctx.lang];
    const minutes =
      (Date.parse(`${parsed.data.endsAt}:00Z`) - Date.parse(`${parsed.data.startsAt}:00Z`)) / 60_000;
    const issues = [];
    if (parsed.data.registrationClosesAt)
      issues.push({ field: 'registrationClosesAt', message: w.registrationClosesAtRefused });
    if (minutes > 24 * 60) issues.push({ field: 'endsAt', message: w.lengthRefused });
    if (issues.length) return showEditForm(res, s, withFieldIssues(parsed.form, issues, ''), 400);
    try {
      const { updated } = await updateEventSeries(depsOf(req), {
        seriesId: String(s._id),
        changes: templateOf(eventFieldsOf(parsed.data, tz)),
        startTime: parsed.data.startsAt.slice(11, 16),
        durationMinutes: minutes,
      });
      const changed = [...new Set(updated.flatMap((u) => u.changed))];
      await audit(req, 'event-series.update', s, changed);
      const n = updated.filter((u) => u.changed.length).length;
      res.redirect(303, `${CONSOLE_SERIES}/${String(s._id)}?erledigt=gespeichert&n=${n}`);
    } catch (err) {
      if (isAppError(err) && ['validation', 'conflict'].includes(err.code))
        return showEditForm(res, s, domainErrors(parsed.form, err, ctx.lang), 400);
      throw err;
    }
  });

  router.get(`${CONSOLE_SERIES}/:id/absagen`, async (req, res) => {
    const s = await seriesOfPath(req, true);
    const future = await futureOccurrences(String(s._id));
    render(res, cancelSeriesPage(pageContext(res), s, future.length));
  });

  router.post(`${CONSOLE_SERIES}/:id/absagen`, async (req, res) => {
    const s = await seriesOfPath(req, true);
    const { cancelled } = await cancelEventSeries(depsOf(req), { seriesId: String(s._id) });
    await audit(req, 'event-series.cancel', s);
    res.redirect(303, `${CONSOLE_SERIES}/${String(s._id)}?erledigt=abgesagt&n=${cancelled.length}`);
  });

  return router;
}
