import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { Organisation } from '@qn/auth';
import { AppError, isAppError, normaliseEmail } from '@qn/domain';
import {
  acceptOffer,
  cancelRegistration,
  eventsDepsOf,
  findByManageToken,
  loadEvent,
  nextSeriesDates,
  registerAttendee,
  seatsTaken,
  type EventDoc,
  type EventsDeps,
  waitlistPosition,
  mediaOfEvent,
} from '@qn/events';
import { emptyForm, formField, html, parseForm, withFieldIssues, type FormState } from '@qn/web-ui';
import { publicWriteLimits } from '@qn/rate-limit';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import { eventListPage } from './public-event-list';
import { eventDetailPage } from './event-detail-page';
import { manageRegistrationPage } from './manage-registration-page';
import { rectifyRegistrationRoute } from './rectify-registration-route';
import { answerFormIssues, answerIssues, answersFromBody } from './question-fields';

const OBJECT_ID = /^[0-9a-f]{24}$/;
const MANAGE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Field limits as the events API takes them; the domain checks the event's own limits. */
export const registrationForm = z.object({
  name: formField.text(200),
  email: formField.email(),
  organisation: formField.optionalText(200),
  accessibilityNeeds: formField.optionalText(1_000),
  companions: z.preprocess(
    (v) => (v === undefined || v === '' ? 0 : v),
    z.coerce.number().int().min(0).max(10),
  ),
  consent: formField.consent(),
});

/** Public pages of the events domain: calendar, event page with registration, manage link. */
export function publicEventRoutes(deps: WebDeps): Router {
  const router = Router();
  const base = eventsDepsOf(deps);
  const depsOf = (req: Request): EventsDeps => ({ ...base, requestId: String(req.id) });
  const opts = { timeZone: deps.config.TZ_DISPLAY, publicUrl: deps.config.PUBLIC_URL };

  async function publicEvent(id: unknown): Promise<EventDoc> {
    if (typeof id !== 'string' || !OBJECT_ID.test(id)) throw AppError.notFound();
    const event = await loadEvent(id);
    if (event.status === 'draft') throw AppError.notFound();
    return event;
  }

  async function showEvent(res: Response, event: EventDoc, form: FormState, status = 200) {
    const id = String(event._id);
    const [taken, org, series, media] = await Promise.all([
      seatsTaken(id),
      Organisation.findById(event.organisationId).lean(),
      nextSeriesDates(event),
      mediaOfEvent(id),
    ]);
    const detail = {
      event,
      seatsLeft: Math.max(0, event.capacity - taken),
      organisationName: org?.name,
      series,
      media,
    };
    render(res, eventDetailPage(pageContext(res), detail, form, opts), status);
  }

  router.get('/veranstaltungen', async (req, res) => {
    const { page, status } = await eventListPage(
      pageContext(res),
      req.query as Record<string, unknown>,
      opts,
    );
    render(res, page, status);
  });

  router.get('/veranstaltungen/:id', async (req, res) => {
    await showEvent(res, await publicEvent(req.params.id), emptyForm({ companions: '0' }));
  });

  router.post(
    '/veranstaltungen/:id/anmeldung',
    ...publicWriteLimits(deps, 'web.events-register'),
    async (req, res) => {
      const event = await publicEvent(req.params.id);
      const ctx = pageContext(res);
      const parsed = parseForm(registrationForm, req.body, ctx.t);
      if (!parsed.ok) {
        const answers = answerFormIssues(event.questions, req.body, ctx.t, { requireAll: true });
        return showEvent(res, event, withFieldIssues(parsed.form, answers, ''), 400);
      }
      const { consent: _consent, ...input } = parsed.data;
      try {
        const result = await registerAttendee(depsOf(req), {
          ...input,
          eventId: String(event._id),
          answers: answersFromBody(event.questions, req.body),
          source: 'self',
        });
        // The same page whether the address was new or registered already: the manage link
        // only ever travels by mail, to the address's owner.
        return render(res, {
          title: ctx.t('register.done.title'),
          section: 'events',
          body: html`<h1>${ctx.t('register.done.title')}</h1>
            <div class="notice" role="status">
              <p>${ctx.t(`register.done.${result.outcome}`, { email: normaliseEmail(input.email) })}</p>
            </div>
            <p><a href="/veranstaltungen/${String(event._id)}">${ctx.t('manage.eventPage')}</a></p>`,
        });
      } catch (err) {
        if (isAppError(err) && ['validation', 'conflict', 'unprocessable'].includes(err.code)) {
          return showEvent(
            res,
            event,
            withFieldIssues(
              parsed.form,
              [
                ...(err.details.fields?.filter((f) => f.field in parsed.data) ?? []),
                ...answerIssues(err.details.fields, ctx.t),
              ],
              err.message,
            ),
            400,
          );
        }
        throw err;
      }
    },
  );

  async function managed(token: unknown) {
    if (typeof token !== 'string' || !MANAGE_TOKEN.test(token)) throw AppError.notFound();
    return { token, ...(await findByManageToken(token)) };
  }

  router.get('/veranstaltungen/anmeldung/:token', async (req, res) => {
    const m = await managed(req.params.token);
    const ctx = pageContext(res);
    const done =
      req.query.erledigt === 'storniert'
        ? 'cancelled'
        : req.query.erledigt === 'angenommen'
          ? 'accepted'
          : req.query.erledigt === 'berichtigt'
            ? 'rectified'
            : undefined;
    const position = await waitlistPosition(m.registration);
    const page = manageRegistrationPage(ctx, {
      ...m,
      timeZone: opts.timeZone,
      done,
      waitlistPosition: position,
    });
    // The token is in the URL: keep it out of Referer headers on the way out.
    res.setHeader('Referrer-Policy', 'no-referrer');
    render(res, page);
  });

  router.post('/veranstaltungen/anmeldung/:token/stornieren', async (req, res) => {
    const m = await managed(req.params.token);
    await cancelRegistration(depsOf(req), { registrationId: String(m.registration._id) });
    res.redirect(303, `/veranstaltungen/anmeldung/${m.token}?erledigt=storniert`);
  });

  router.post('/veranstaltungen/anmeldung/:token/annehmen', async (req, res) => {
    const m = await managed(req.params.token);
    await acceptOffer(depsOf(req), { registrationId: String(m.registration._id) });
    res.redirect(303, `/veranstaltungen/anmeldung/${m.token}?erledigt=angenommen`);
  });

  router.post('/veranstaltungen/anmeldung/:token/berichtigen', rectifyRegistrationRoute(deps));

  return router;
}
