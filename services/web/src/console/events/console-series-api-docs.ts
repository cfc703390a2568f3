import { z } from 'zod';
import { documentRoute } from '@qn/http';
import {
  buttonForm,
  consoleTags as tags,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  formBody,
  idParams,
  page,
  redirect,
  toSignIn,
} from '../../web-doc-helpers';
import { eventForm } from './event-form';
import { seriesForm } from './console-series-form';
import { CONSOLE_SERIES } from './console-series-pages';

/** The console's event series pages in the OpenAPI document. */
const who = 'Organisers of the series’ organisation and admins; others get 403.';
const eventExample = {
  _csrf: CSRF_EXAMPLE,
  title: 'Quartierstreff Oberensingen',
  description: 'Offener Treff für alle im Quartier.',
  kind: 'vernetzungstreffen',
  fieldsOfAction: 'teilhabe',
  municipality: 'nuertingen',
  venueName: 'Bürgertreff Oberensingen',
  startsAt: '2027-03-02T18:00',
  endsAt: '2027-03-02T19:30',
  capacity: '20',
  waitlistEnabled: 'on',
  promotionMode: 'automatic',
  offerHours: '48',
  maxCompanions: '0',
  reminderHours: '24',
  contactName: 'Seniorenbüro Nürtingen',
  contactEmail: 'senioren@example.org',
};
const done = z.object({
  erledigt: z.enum(['angelegt', 'veroeffentlicht', 'gespeichert', 'abgesagt']).optional(),
  n: z.string().regex(/^\d+$/).optional().meta({ description: 'How many dates the change touched' }),
});

documentRoute({
  method: 'get',
  path: `${CONSOLE_SERIES}/neu`,
  summary: 'A new event series: the event form plus the rule',
  description:
    'The form carries a fresh series id, so a repeated submit creates the same series once. Any signed-in organiser or admin.',
  tags,
  auth: 'console-session',
  responses: { 200: page('The series form'), ...toSignIn },
});

documentRoute({
  method: 'post',
  path: `${CONSOLE_SERIES}/neu`,
  summary: 'Preview (`step=preview`) or create a series with all its dates as drafts',
  description:
    'Start and end give the first day, the time of day and the length (at most 24 hours). Rule: weekly on a weekday, ' +
    'monthly on the 1st–4th or last weekday, or monthly on a day (months without it are skipped); `until` or `count`, ' +
    'at most 52 dates within two years. Every date must pass the event rules; nothing is stored if one fails (400, ' +
    'each field named). `step=preview` answers the form with the dates (200, nothing stored). A create with a series ' +
    'id already stored inserts only missing dates. Audited as `event-series.create`.',
  tags,
  auth: 'console-session',
  body: formBody(seriesForm),
  bodyContentType: FORM,
  bodyExample: {
    ...eventExample,
    seriesId: '6650f0c2a1b2c3d4e5f60718',
    freq: 'weekly',
    weekday: '2',
    count: '8',
  },
  responses: {
    200: page('The form with the preview of the dates'),
    303: redirect(`${CONSOLE_SERIES}/:id?erledigt=angelegt`),
    ...errorResponses(400, 401, 403, 409, 503),
  },
});

documentRoute({
  method: 'get',
  path: `${CONSOLE_SERIES}/:id`,
  summary: 'A series: its rule and every date with seats taken, waiting list and links',
  description:
    'Viewers of the organisation too; buttons to publish, edit or cancel future dates for those who manage.',
  tags,
  auth: 'console-session',
  params: idParams,
  query: done,
  responses: { 200: page('The series page'), ...toSignIn, ...errorResponses(403, 404) },
});

documentRoute({
  method: 'post',
  path: `${CONSOLE_SERIES}/:id/veroeffentlichen`,
  summary: 'Publish every future draft date of the series; audited as `event-series.publish`',
  description: who,
  tags,
  auth: 'console-session',
  params: idParams,
  body: buttonForm,
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE },
  responses: {
    303: redirect(`${CONSOLE_SERIES}/:id?erledigt=veroeffentlicht`),
    ...errorResponses(401, 403, 404, 503),
  },
});

documentRoute({
  method: 'get',
  path: `${CONSOLE_SERIES}/:id/bearbeiten`,
  summary: 'Edit all future dates: the event form filled from the next date',
  description: `Without a future date: See Other to the series page. ${who}`,
  tags,
  auth: 'console-session',
  params: idParams,
  responses: { 200: page('The form'), ...toSignIn, ...errorResponses(403, 404) },
});

documentRoute({
  method: 'post',
  path: `${CONSOLE_SERIES}/:id/bearbeiten`,
  summary: 'Apply the form to every date not yet begun; audited as `event-series.update`',
  description:
    'Each date keeps its day; of start and end only the time of day and the length count. Each date is changed ' +
    'through the ordinary event update, so its registrants get a change notice with an updated .ics; past and ' +
    'cancelled dates stay as they are. All dates are checked first: a refused change (400, fields named) changes none. ' +
    who,
  tags,
  auth: 'console-session',
  params: idParams,
  body: formBody(eventForm),
  bodyContentType: FORM,
  bodyExample: eventExample,
  responses: {
    303: redirect(`${CONSOLE_SERIES}/:id?erledigt=gespeichert`),
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

documentRoute({
  method: 'get',
  path: `${CONSOLE_SERIES}/:id/absagen`,
  summary: 'Confirm cancelling all future dates of the series',
  description: who,
  tags,
  auth: 'console-session',
  params: idParams,
  responses: {
    200: page('The confirmation with the number of dates'),
    ...toSignIn,
    ...errorResponses(403, 404),
  },
});

documentRoute({
  method: 'post',
  path: `${CONSOLE_SERIES}/:id/absagen`,
  summary: 'Cancel every future date; audited as `event-series.cancel`',
  description: `Each date through the ordinary cancellation: its registrants get METHOD:CANCEL. ${who}`,
  tags,
  auth: 'console-session',
  params: idParams,
  body: buttonForm,
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE },
  responses: {
    303: redirect(`${CONSOLE_SERIES}/:id?erledigt=abgesagt`),
    ...errorResponses(401, 403, 404, 503),
  },
});
