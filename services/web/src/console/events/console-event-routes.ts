import { Router, type Request, type Response } from 'express';
import mongoose from 'mongoose';
import { auditFromRequest } from '@qn/audit';
import {
  assertAuthenticated,
  assertCanManageOrganisation,
  assertCanViewOrganisation,
  canManageOrganisation,
  membershipsOf,
} from '@qn/auth';
import { AppError, isAppError } from '@qn/domain';
import {
  attendeeCounts,
  attendeesCsv,
  CALENDAR_FIELDS,
  cancelEvent,
  cancelRegistration,
  createEvent,
  Event,
  eventsDepsOf,
  listAttendees,
  loadEvent,
  hasEmail,
  promoteRegistration,
  registerAttendee,
  publishEvent,
  setCheckedIn,
  updateEvent,
  type Attendee,
  type EventDoc,
  type EventsDeps,
} from '@qn/events';
import { emptyForm, parseForm, withFieldIssues, type FormState, type Lang } from '@qn/web-ui';
import type { WebDeps } from '../../web-deps';
import { pageContext, render } from '../../http/web-context';
import {
  CONSOLE_EVENTS,
  cancelEventPage,
  checkInPage,
  consoleEventFormPage,
  consoleEventListPage,
  consoleEventPage,
} from './console-event-pages';
import {
  domainFieldToForm,
  eventFieldsOf,
  eventForm,
  formValuesOfEvent,
  renderEventForm,
} from './event-form';
import { onBehalfForm, onBehalfPage } from './register-on-behalf';
import { organisationChoices } from './organisation-choices';
import { attendeeWords } from './attendee-words';
import { attendeeImportRoutes } from './attendee-import-routes';
import { consoleEventQuestionRoutes } from './console-event-questions-routes';
import { answerIssues, answersFromBody } from '../../events/question-fields';

const OBJECT_ID = /^[0-9a-f]{24}$/;

const messages = {
  gespeichert: 'ce.saved',
  angelegt: 'ce.created',
  veroeffentlicht: 'ce.published',
  abgesagt: 'ce.cancelled',
  storniert: 'ce.reg.cancelled',
  nachgerueckt: 'ce.reg.promoted',
  angemeldet: 'ce.reg.registered',
  bekannt: 'ce.reg.known',
} as const;

/** The event page's notes after a registration without an e-mail address was saved or moved up. */
function noEmailMessage(lang: Lang, query: Request['query'], attendees: Attendee[]): string | undefined {
  const w = attendeeWords[lang];
  if (query.erledigt === 'ohne-email') return w.registeredNoEmail;
  const ids = typeof query.wer === 'string' ? query.wer.split(',').slice(0, 50) : [];
  const whom = attendees.filter((a) => ids.includes(a.id));
  const contact = (a: Attendee) =>
    [a.phone, a.postalAddress?.replace(/\n/g, ', ')].filter(Boolean).join(', ');
  if (query.erledigt === 'nachgerueckt-anrufen' && whom[0])
    return w.promotedCall(whom[0].name, contact(whom[0]));
  const people = whom.map((a) => `${a.name} (${contact(a)})`).join('; ');
  if (query.erledigt === 'storniert-anrufen' && whom.length) return w.cancelledCall(people);
  if (query.erledigt === 'geaendert-anrufen' && whom.length) return w.changedCall(people);
  return undefined;
}

/** People without an address holding or awaiting a seat: nobody mails them about the event. */
const activeWithoutEmail = (attendees: Attendee[]) =>
  attendees.filter(
    (a) => !a.email && (a.status === 'confirmed' || a.status === 'offered' || a.status === 'waitlisted'),
  );

/** People without an address waiting for a seat: nobody mails them when they move up. */
const waitingWithoutEmail = (attendees: Attendee[]) =>
  attendees.filter((a) => !a.email && (a.status === 'waitlisted' || a.status === 'offered'));

/**
 * The organisers' console for events, over the same domain functions as the events API and with
 * the same access rule: organisers manage their own organisation's events, admins all.
 */
export function consoleEventRoutes(deps: WebDeps): Router {
  const router = Router();
  const base = eventsDepsOf(deps);
  const tz = deps.config.TZ_DISPLAY;
  const depsOf = (req: Request): EventsDeps => ({ ...base, requestId: String(req.id) });

  async function eventOfPath(req: Request): Promise<EventDoc> {
    assertAuthenticated(req.principal);
    const id = String(req.params.id);
    if (!OBJECT_ID.test(id)) throw AppError.notFound();
    return loadEvent(id);
  }

  /** An event the principal may change (organisers of its organisation, admins). */
  async function managedEvent(req: Request): Promise<EventDoc> {
    const event = await eventOfPath(req);
    assertCanManageOrganisation(req.principal, event.organisationId);
    return event;
  }

  /** An event the principal may read: viewers of its organisation too. */
  async function viewedEvent(req: Request): Promise<EventDoc> {
    const event = await eventOfPath(req);
    assertCanViewOrganisation(req.principal, event.organisationId);
    return event;
  }

  const audit = (req: Request, action: string, e: EventDoc, objectId = String(e._id), fields?: string[]) =>
    auditFromRequest(req, {
      action,
      objectType: objectId === String(e._id) ? 'event' : 'event-registration',
      objectId,
      organisationId: e.organisationId,
      fields,
    });

  const organisationsFor = (req: Request) => organisationChoices(assertAuthenticated(req.principal));

  async function showForm(req: Request, res: Response, form: FormState, event?: EventDoc, status = 200) {
    const ctx = pageContext(res);
    const action = event ? `${CONSOLE_EVENTS}/${String(event._id)}/bearbeiten` : `${CONSOLE_EVENTS}/neu`;
    const body = renderEventForm(ctx, form, {
      action,
      submit: event ? ctx.t('ce.save') : ctx.t('ce.create'),
      organisations: event ? undefined : await organisationsFor(req),
    });
    const title = event ? ctx.t('ce.editTitle') : ctx.t('ce.new');
    render(res, consoleEventFormPage(ctx, title, body, form), status);
  }

  /** The domain's validation errors (e.g. end before start) beside the same fields. */
  function domainErrors(form: FormState, err: AppError): FormState {
    const fields = err.details.fields?.map((f) => ({ ...f, field: domainFieldToForm[f.field] ?? f.field }));
    return withFieldIssues(form, fields, err.message);
  }

  router.get(CONSOLE_EVENTS, async (req, res) => {
    const p = assertAuthenticated(req.principal);
    // The console's own list, not a public path: a filter on the organisations suits it.
    const own = membershipsOf(p).map((m) => m.organisationId);
    const filter = p.role === 'admin' ? {} : { organisationId: mongoose.trusted({ $in: own }) };
    const events = await Event.find(filter).sort({ startsAt: -1 }).limit(200).lean();
    render(res, consoleEventListPage(pageContext(res), events, tz));
  });

  router.get(`${CONSOLE_EVENTS}/neu`, async (req, res) => {
    assertAuthenticated(req.principal);
    await showForm(
      req,
      res,
      emptyForm({
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

  router.post(`${CONSOLE_EVENTS}/neu`, async (req, res) => {
    const principal = assertAuthenticated(req.principal);
    const parsed = parseForm(eventForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showForm(req, res, parsed.form, undefined, 400);
    const choices = await organisationsFor(req);
    const organisationId = choices
      ? choices.find((c) => c.id === parsed.data.organisationId)?.id
      : principal.organisationId;
    if (!organisationId)
      return showForm(
        req,
        res,
        withFieldIssues(
          parsed.form,
          [{ field: 'organisationId', message: pageContext(res).t('validation.required') }],
          '',
        ),
        undefined,
        400,
      );
    assertCanManageOrganisation(principal, organisationId);
    try {
      const event = await createEvent(depsOf(req), { ...eventFieldsOf(parsed.data, tz), organisationId });
      await audit(req, 'event.create', event);
      res.redirect(303, `${CONSOLE_EVENTS}/${String(event._id)}?erledigt=angelegt`);
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return showForm(req, res, domainErrors(parsed.form, err), undefined, 400);
      throw err;
    }
  });

  router.get(`${CONSOLE_EVENTS}/:id`, async (req, res) => {
    const event = await viewedEvent(req);
    const [counts, attendees] = await Promise.all([attendeeCounts(event), listAttendees(String(event._id))]);
    const key = messages[String(req.query.erledigt) as keyof typeof messages];
    render(
      res,
      consoleEventPage(pageContext(res), event, counts, attendees, {
        timeZone: tz,
        message: key ? pageContext(res).t(key) : noEmailMessage(pageContext(res).lang, req.query, attendees),
        canManage: canManageOrganisation(req.principal!, event.organisationId),
      }),
    );
  });

  router.get(`${CONSOLE_EVENTS}/:id/bearbeiten`, async (req, res) => {
    const event = await managedEvent(req);
    await showForm(req, res, emptyForm(formValuesOfEvent(event, tz)), event);
  });

  router.post(`${CONSOLE_EVENTS}/:id/bearbeiten`, async (req, res) => {
    const event = await managedEvent(req);
    const parsed = parseForm(eventForm, req.body, pageContext(res).t);
    if (!parsed.ok) return showForm(req, res, parsed.form, event, 400);
    try {
      const { changed } = await updateEvent(depsOf(req), {
        eventId: String(event._id),
        changes: eventFieldsOf(parsed.data, tz),
      });
      await audit(req, 'event.update', event, String(event._id), changed);
      // Registrants are mailed a calendar change; those without an address the organiser tells.
      const told = event.status === 'published' && changed.some((k) => CALENDAR_FIELDS.includes(k as never));
      const toCall = told ? activeWithoutEmail(await listAttendees(String(event._id))) : [];
      const done = toCall.length
        ? `geaendert-anrufen&wer=${toCall.map((a) => a.id).join(',')}`
        : 'gespeichert';
      res.redirect(303, `${CONSOLE_EVENTS}/${String(event._id)}?erledigt=${done}`);
    } catch (err) {
      if (isAppError(err) && ['validation', 'conflict'].includes(err.code))
        return showForm(req, res, domainErrors(parsed.form, err), event, 400);
      throw err;
    }
  });

  router.post(`${CONSOLE_EVENTS}/:id/veroeffentlichen`, async (req, res) => {
    const event = await managedEvent(req);
    await publishEvent(depsOf(req), { eventId: String(event._id) });
    await audit(req, 'event.publish', event);
    res.redirect(303, `${CONSOLE_EVENTS}/${String(event._id)}?erledigt=veroeffentlicht`);
  });

  router.get(`${CONSOLE_EVENTS}/:id/absagen`, async (req, res) => {
    const event = await managedEvent(req);
    // Nobody mails those registered without an address: the organiser sees whom to call.
    const withoutEmail = activeWithoutEmail(await listAttendees(String(event._id)));
    render(res, cancelEventPage(pageContext(res), event, withoutEmail));
  });

  router.post(`${CONSOLE_EVENTS}/:id/absagen`, async (req, res) => {
    const event = await managedEvent(req);
    await cancelEvent(depsOf(req), { eventId: String(event._id) });
    await audit(req, 'event.cancel', event);
    res.redirect(303, `${CONSOLE_EVENTS}/${String(event._id)}?erledigt=abgesagt`);
  });

  /** The registration of this event named in the path; another event's is not found. */
  function registrationIdOf(req: Request): string {
    const registrationId = String(req.params.registrationId);
    if (!OBJECT_ID.test(registrationId)) throw AppError.notFound();
    return registrationId;
  }

  router.get(`${CONSOLE_EVENTS}/:id/anmelden`, async (req, res) => {
    const event = await managedEvent(req);
    const action = `${CONSOLE_EVENTS}/${String(event._id)}/anmelden`;
    render(res, onBehalfPage(pageContext(res), event, emptyForm({ companions: '0' }), action));
  });

  router.post(`${CONSOLE_EVENTS}/:id/anmelden`, async (req, res) => {
    const event = await managedEvent(req);
    const action = `${CONSOLE_EVENTS}/${String(event._id)}/anmelden`;
    const ctx = pageContext(res);
    const parsed = parseForm(onBehalfForm, req.body, ctx.t);
    if (!parsed.ok) return render(res, onBehalfPage(ctx, event, parsed.form, action), 400);
    const { email, phone, postalAddress } = parsed.data;
    if (!email && !phone && !postalAddress) {
      const issue = { field: 'email', message: attendeeWords[ctx.lang].contactRequired };
      return render(res, onBehalfPage(ctx, event, withFieldIssues(parsed.form, [issue], ''), action), 400);
    }
    try {
      const r = await registerAttendee(depsOf(req), {
        eventId: String(event._id),
        ...parsed.data,
        answers: answersFromBody(event.questions, req.body),
        source: 'organiser',
        ignoreWindow: true,
      });
      if (!r.existing) await audit(req, 'event.registration.create', event, String(r.registration._id));
      res.redirect(
        303,
        `${CONSOLE_EVENTS}/${String(event._id)}?erledigt=${r.existing ? 'bekannt' : email ? 'angemeldet' : 'ohne-email'}`,
      );
    } catch (err) {
      if (isAppError(err) && err.code === 'validation')
        return render(
          res,
          onBehalfPage(
            ctx,
            event,
            withFieldIssues(
              parsed.form,
              [
                ...(err.details.fields ?? []).filter((f) => !f.field.startsWith('answers.')),
                ...answerIssues(err.details.fields, ctx.t),
              ],
              err.message,
            ),
            action,
          ),
          400,
        );
      throw err;
    }
  });

  router.post(`${CONSOLE_EVENTS}/:id/anmeldungen/:registrationId/stornieren`, async (req, res) => {
    const event = await managedEvent(req);
    const registrationId = registrationIdOf(req);
    const eventId = String(event._id);
    const waiting = waitingWithoutEmail(await listAttendees(eventId));
    const { alreadyCancelled } = await cancelRegistration(depsOf(req), { eventId, registrationId });
    if (!alreadyCancelled) await audit(req, 'event.registration.cancel', event, registrationId);
    // The freed seats may have gone to someone without an address: the organiser tells them.
    const stillWaiting = waiting.length ? waitingWithoutEmail(await listAttendees(eventId)) : [];
    const moved = waiting.filter(
      (w) => w.id !== registrationId && !stillWaiting.some((s) => s.id === w.id && s.status === w.status),
    );
    const done = moved.length ? `storniert-anrufen&wer=${moved.map((m) => m.id).join(',')}` : 'storniert';
    res.redirect(303, `${CONSOLE_EVENTS}/${eventId}?erledigt=${done}`);
  });

  router.post(`${CONSOLE_EVENTS}/:id/anmeldungen/:registrationId/nachruecken`, async (req, res) => {
    const event = await managedEvent(req);
    const registrationId = registrationIdOf(req);
    const promoted = await promoteRegistration(depsOf(req), { eventId: String(event._id), registrationId });
    await audit(req, 'event.registration.promote', event, registrationId);
    // Nobody mails someone without an address: the page tells the organiser whom to call.
    const done = hasEmail(promoted.email) ? 'nachgerueckt' : `nachgerueckt-anrufen&wer=${registrationId}`;
    res.redirect(303, `${CONSOLE_EVENTS}/${String(event._id)}?erledigt=${done}`);
  });

  router.get(`${CONSOLE_EVENTS}/:id/teilnehmende.csv`, async (req, res) => {
    const event = await viewedEvent(req);
    const csv = attendeesCsv(await listAttendees(String(event._id)), tz, event.questions);
    await audit(req, 'event.attendees.export', event);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Disposition', `attachment; filename="teilnehmende-${String(event._id)}.csv"`)
      .send(csv);
  });

  router.use(attendeeImportRoutes(deps));
  router.use(consoleEventQuestionRoutes(deps));

  router.get(`${CONSOLE_EVENTS}/:id/check-in`, async (req, res) => {
    const event = await managedEvent(req);
    const attendees = await listAttendees(String(event._id));
    const ctx = pageContext(res);
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
    const who = typeof req.query.who === 'string' ? attendees.find((a) => a.id === req.query.who) : undefined;
    const message = who
      ? ctx.t(who.checkedInAt ? 'ce.checkin.saved' : 'ce.checkin.undone', { name: who.name })
      : undefined;
    render(res, checkInPage(ctx, event, attendees, { timeZone: tz, q, message }));
  });

  router.post(`${CONSOLE_EVENTS}/:id/check-in/:registrationId`, async (req, res) => {
    const event = await managedEvent(req);
    const registrationId = String(req.params.registrationId);
    if (!OBJECT_ID.test(registrationId)) throw AppError.notFound();
    const attended = req.body?.attended === '1';
    await setCheckedIn(depsOf(req), { eventId: String(event._id), registrationId, attended });
    await audit(
      req,
      attended ? 'event.attendee.check-in' : 'event.attendee.check-in-undo',
      event,
      registrationId,
    );
    const q =
      typeof req.body?.q === 'string' && req.body.q
        ? `&q=${encodeURIComponent(req.body.q.slice(0, 100))}`
        : '';
    res.redirect(
      303,
      `${CONSOLE_EVENTS}/${String(event._id)}/check-in?who=${registrationId}${q}#a-${registrationId}`,
    );
  });

  return router;
}
