import { Router, type Request, type Response } from 'express';
import type { Config } from '@qn/config';
import { publicWriteLimits } from '@qn/rate-limit';
import { parseInput } from '@qn/http';
import { AppError } from '@qn/domain';
import {
  authenticate,
  assertAuthenticated,
  assertCanManageOrganisation,
  assertCanViewOrganisation,
  canManageOrganisation,
} from '@qn/auth';
import { auditFromRequest } from '@qn/audit';
import {
  acceptOffer,
  attendeeCounts,
  attendeeOf,
  attendeesCsv,
  cancelEvent,
  cancelRegistration,
  createEvent,
  findByManageToken,
  listAttendees,
  listPublicEvents,
  loadEvent,
  importAttendees,
  importProblemText,
  publicEventOf,
  organiserEventOf,
  publishEvent,
  registerAttendee,
  seatsTaken,
  setCheckedIn,
  setEventQuestions,
  updateEvent,
  eventsDepsOf,
  type EventDoc,
  type EventsDeps,
  type RegistrationDoc,
} from '@qn/events';
import {
  createEventInput,
  importInput,
  listQuery,
  manageToken,
  objectId,
  onBehalfInput,
  questionsInput,
  registrationInput,
  updateEventInput,
} from './event-input';
import { rectifyRegistrationRoute } from './rectify-registration-route';
import { seriesRoutes } from './series-routes';
import './series-api-docs';
import { receivedRegistrationView, registrationView } from './registration-view';
import './events-api-docs';
import './event-questions-api-docs';

function idParam(value: unknown, what = 'Veranstaltung'): string {
  const r = objectId.safeParse(value);
  if (!r.success) throw AppError.notFound(`${what} nicht gefunden.`);
  return r.data;
}

function tokenParam(value: unknown): string {
  const r = manageToken.safeParse(value);
  if (!r.success) throw AppError.notFound('Anmeldung nicht gefunden.');
  return r.data;
}

export type EventsRouterDeps = Parameters<typeof eventsDepsOf>[0] & { config: Config };

/**
 * /api/events: public list and detail, self-registration and the manage link; organisers
 * (own organisation) and admins (all) create, change, publish and cancel events and work the
 * attendee list. Every organiser/admin change is audited.
 */
export function createEventsRouter(rt: EventsRouterDeps): Router {
  const base = eventsDepsOf(rt);
  const router = Router();
  router.use(authenticate);
  const depsOf = (req: Request): EventsDeps => ({ ...base, requestId: String(req.id) });

  async function managedEvent(req: Request): Promise<EventDoc> {
    assertAuthenticated(req.principal);
    const event = await loadEvent(idParam(req.params.eventId));
    assertCanManageOrganisation(req.principal, event.organisationId);
    return event;
  }

  /** Reading attendees and counts: viewers of the organisation too. */
  async function viewedEvent(req: Request): Promise<EventDoc> {
    assertAuthenticated(req.principal);
    const event = await loadEvent(idParam(req.params.eventId));
    assertCanViewOrganisation(req.principal, event.organisationId);
    return event;
  }

  const audit = (
    req: Request,
    action: string,
    event: EventDoc,
    objectId = String(event._id),
    fields?: string[],
  ) =>
    auditFromRequest(req, {
      action,
      objectType: objectId === String(event._id) ? 'event' : 'event-registration',
      objectId,
      organisationId: event.organisationId,
      fields,
    });

  // ---- public ----
  router.get('/', async (req, res) => {
    const q = parseInput(listQuery, req.query);
    const { items, total } = await listPublicEvents(q);
    res.json({ items, total, page: q.page, pageSize: q.pageSize });
  });

  router.get('/manage/:token', async (req, res) => {
    const { registration, event } = await findByManageToken(tokenParam(req.params.token));
    res.json({
      registration: registrationView(registration),
      event: publicEventOf(event, await seatsTaken(String(event._id))),
    });
  });

  const manageAction =
    (act: (deps: EventsDeps, registrationId: string) => Promise<RegistrationDoc>) =>
    async (req: Request, res: Response) => {
      const { registration } = await findByManageToken(tokenParam(req.params.token));
      const updated = await act(depsOf(req), String(registration._id));
      res.json({ registration: registrationView(updated) });
    };
  router.post(
    '/manage/:token/cancel',
    manageAction(async (d, id) => (await cancelRegistration(d, { registrationId: id })).registration),
  );
  router.post(
    '/manage/:token/accept',
    manageAction((d, id) => acceptOffer(d, { registrationId: id })),
  );
  router.patch('/manage/:token', rectifyRegistrationRoute(depsOf));
  seriesRoutes(router, depsOf);

  router.get('/:eventId', async (req, res) => {
    const event = await loadEvent(idParam(req.params.eventId));
    const organiser = !!req.principal && canManageOrganisation(req.principal, event.organisationId);
    if (event.status === 'draft' && !organiser) throw AppError.notFound('Veranstaltung nicht gefunden.');
    const view = organiser ? organiserEventOf : publicEventOf;
    res.json(view(event, await seatsTaken(String(event._id))));
  });

  router.post('/:eventId/registrations', ...publicWriteLimits(rt, 'events.register'), async (req, res) => {
    const eventId = idParam(req.params.eventId);
    const input = parseInput(registrationInput, req.body);
    const { outcome } = await registerAttendee(depsOf(req), { ...input, eventId, source: 'self' });
    // Built from what was sent, never from what is stored: a known address must get the same
    // answer as a new one (its owner is mailed instead), so no id, no stored name, no status.
    res.status(201).json({ registration: receivedRegistrationView(eventId, input, outcome) });
  });

  // ---- organisers and admins ----
  router.post('/', async (req, res) => {
    const principal = assertAuthenticated(req.principal);
    const input = parseInput(createEventInput, req.body);
    // An organiser of several organisations names one; of one, it may be left out.
    const organisationId =
      input.organisationId ?? (principal.role === 'admin' ? undefined : principal.organisationId);
    if (!organisationId)
      throw AppError.validation([{ field: 'organisationId', message: 'required for admins' }]);
    assertCanManageOrganisation(principal, organisationId);
    const event = await createEvent(depsOf(req), { ...input, organisationId });
    await audit(req, 'event.create', event);
    res.status(201).json(organiserEventOf(event, 0));
  });

  router.patch('/:eventId', async (req, res) => {
    const event = await managedEvent(req);
    const changes = parseInput(updateEventInput, req.body);
    const updated = await updateEvent(depsOf(req), { eventId: String(event._id), changes });
    await audit(req, 'event.update', event, String(event._id), updated.changed);
    res.json(organiserEventOf(updated.event, await seatsTaken(String(event._id))));
  });

  router.put('/:eventId/questions', async (req, res) => {
    const event = await managedEvent(req);
    const { questions } = parseInput(questionsInput, req.body);
    const updated = await setEventQuestions(depsOf(req), { eventId: String(event._id), questions });
    await audit(req, 'event.questions.update', event);
    res.json({ questions: updated.questions ?? [] });
  });

  router.post('/:eventId/publish', async (req, res) => {
    const event = await managedEvent(req);
    const published = await publishEvent(depsOf(req), { eventId: String(event._id) });
    await audit(req, 'event.publish', event);
    res.json(organiserEventOf(published, await seatsTaken(String(event._id))));
  });

  router.post('/:eventId/cancel', async (req, res) => {
    const event = await managedEvent(req);
    const cancelled = await cancelEvent(depsOf(req), { eventId: String(event._id) });
    await audit(req, 'event.cancel', event);
    res.json(organiserEventOf(cancelled, await seatsTaken(String(event._id))));
  });

  router.get('/:eventId/attendees', async (req, res) => {
    const event = await viewedEvent(req);
    res.json({ items: await listAttendees(String(event._id)), counts: await attendeeCounts(event) });
  });

  router.get('/:eventId/attendees/export', async (req, res) => {
    const event = await viewedEvent(req);
    const csv = attendeesCsv(await listAttendees(String(event._id)), base.timeZone, event.questions);
    await audit(req, 'event.attendees.export', event);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="teilnehmende-${String(event._id)}.csv"`)
      .send(csv);
  });

  router.get('/:eventId/counts', async (req, res) => {
    const event = await viewedEvent(req);
    res.json(await attendeeCounts(event));
  });

  router.post('/:eventId/attendees', async (req, res) => {
    const event = await managedEvent(req);
    const input = parseInput(onBehalfInput, req.body);
    const { registration, existing } = await registerAttendee(depsOf(req), {
      ...input,
      eventId: String(event._id),
      source: 'organiser',
    });
    await audit(req, 'event.attendee.register', event, String(registration._id));
    res.status(existing ? 200 : 201).json({ attendee: attendeeOf(registration), existing });
  });

  router.post('/:eventId/attendees/import', async (req, res) => {
    const event = await managedEvent(req);
    const input = parseInput(importInput, req.body);
    const report = await importAttendees(depsOf(req), { eventId: String(event._id), csv: input.csv });
    const { counts } = report;
    await audit(req, 'event.attendees.import', event, String(event._id), [
      `rows:${report.rows.length}`,
      `registered:${counts.confirmed + counts.waitlisted}`,
    ]);
    res.json({
      created: counts.confirmed + counts.waitlisted,
      existing: counts.existing,
      confirmed: counts.confirmed,
      waitlisted: counts.waitlisted,
      rejected: report.rows
        .filter((r) => r.outcome === 'rejected')
        .map((r) => ({ line: r.line, errors: r.problems.map(importProblemText) })),
    });
  });

  router.post('/:eventId/attendees/:registrationId/check-in', async (req, res) => {
    const event = await managedEvent(req);
    const registrationId = idParam(req.params.registrationId, 'Anmeldung');
    const attendee = await setCheckedIn(depsOf(req), {
      eventId: String(event._id),
      registrationId,
      attended: true,
    });
    await audit(req, 'event.attendee.check-in', event, registrationId);
    res.json(attendee);
  });

  router.delete('/:eventId/attendees/:registrationId/check-in', async (req, res) => {
    const event = await managedEvent(req);
    const registrationId = idParam(req.params.registrationId, 'Anmeldung');
    const attendee = await setCheckedIn(depsOf(req), {
      eventId: String(event._id),
      registrationId,
      attended: false,
    });
    await audit(req, 'event.attendee.check-in-undo', event, registrationId);
    res.json(attendee);
  });

  router.post('/:eventId/attendees/:registrationId/cancel', async (req, res) => {
    const event = await managedEvent(req);
    const registrationId = idParam(req.params.registrationId, 'Anmeldung');
    const { registration } = await cancelRegistration(depsOf(req), {
      registrationId,
      eventId: String(event._id),
    });
    await audit(req, 'event.attendee.cancel', event, registrationId);
    res.json(attendeeOf(registration));
  });

  return router;
}
