import { z } from 'zod';
import { documentRoute, type ApiResponse, type ApiRoute, type RouteAuth } from '@qn/http';
import { signInSchema } from './console/sign-in-routes';
import { eventForm } from './console/events/event-form';
import { onBehalfForm } from './console/events/register-on-behalf';
import { campaignForm, listForm, scheduleForm, testForm } from './newsletter/console-newsletter-routes';
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
} from './web-doc-helpers';

/** Sign-in and the console (server-rendered HTML) in the OpenAPI document. */

// ---- sign-in ----

documentRoute({
  method: 'get',
  path: '/anmelden',
  summary: 'Console sign-in: the form asking for the address a sign-in link goes to',
  tags,
  auth: 'public',
  query: z.object({ abgemeldet: z.literal('1').optional() }),
  responses: {
    200: page('The sign-in form'),
    303: { description: 'Already signed in: See Other to `/konsole`', headers: { Location: '/konsole' } },
  },
});

documentRoute({
  method: 'post',
  path: '/anmelden',
  summary: 'Ask for a sign-in link by mail',
  description:
    'Rate-limited per client address and per email address. The answer never says whether an account exists.',
  tags,
  auth: 'public',
  body: formBody(signInSchema),
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE, email: 'organisation@example.org' },
  responses: {
    200: page('A sign-in link is on its way (if the address has an account)'),
    ...errorResponses(400, 403, 429, 503),
  },
});

const signInToken = 'The single-use token from the mailed sign-in link';

documentRoute({
  method: 'get',
  path: '/anmelden/link',
  summary: 'The mailed sign-in link: a page with one button (opening it spends nothing)',
  tags,
  auth: 'public',
  query: z.object({ token: z.string().meta({ description: signInToken }) }),
  responses: { 200: page('The confirm button'), ...errorResponses(410) },
});

documentRoute({
  method: 'post',
  path: '/anmelden/link',
  summary: 'Redeem the sign-in link: starts the console session (cookie) and spends the token',
  tags,
  auth: 'public',
  body: buttonForm.extend({ token: z.string().meta({ description: signInToken }) }),
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE, token: 'tJ4r…' },
  responses: {
    303: {
      description: 'Signed in: sets the session cookie, See Other to `/konsole`',
      headers: { Location: '/konsole', 'Set-Cookie': 'The session cookie (HttpOnly, SameSite=Lax)' },
    },
    ...errorResponses(403, 410),
  },
});

documentRoute({
  method: 'post',
  path: '/abmelden',
  summary: 'Sign out: ends the session and clears its cookie',
  tags,
  auth: 'public',
  body: buttonForm,
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE },
  responses: { 303: redirect('/anmelden?abgemeldet=1'), ...errorResponses(403) },
});

// ---- console ----

/** A console page: 200, a redirect to sign-in without a session, 403 without the right. */
function consolePage(
  path: string,
  summary: string,
  auth: RouteAuth,
  extra: Partial<ApiRoute> & { errors404?: boolean } = {},
) {
  const { errors404, ...rest } = extra;
  documentRoute({
    method: 'get',
    path,
    summary,
    tags,
    auth,
    ...rest,
    responses: {
      200: page(summary),
      ...toSignIn,
      ...errorResponses(403, ...(errors404 ? [404] : [])),
      ...rest.responses,
    },
  });
}

/** A console form post: a redirect when done, the form again (400) when rejected. */
function consolePost(
  path: string,
  summary: string,
  auth: RouteAuth,
  done: ApiResponse,
  extra: Partial<ApiRoute> & { statuses?: number[] } = {},
) {
  const { statuses = [], ...rest } = extra;
  documentRoute({
    method: 'post',
    path,
    summary,
    tags,
    auth,
    body: buttonForm,
    bodyExample: { _csrf: CSRF_EXAMPLE },
    ...rest,
    bodyContentType: FORM,
    responses: { 303: done, ...errorResponses(401, 403, ...statuses), ...rest.responses },
  });
}

consolePage('/konsole', 'Console overview', 'console-session', {
  description:
    'Admins also have the queue dashboard (Bull Board) under `/konsole/warteschlangen`: its own UI and JSON API, behind the same session and the admin role, not listed route by route here.',
});

// ---- console: events ----

const CE = '/konsole/veranstaltungen';
const ceDone = (suffix: string) => redirect(`${CE}/{id}${suffix}`);
const eventFormExample = {
  _csrf: CSRF_EXAMPLE,
  organisationId: '',
  title: 'Vernetzungstreffen Quartiersarbeit',
  description: 'Austausch der Quartiersprojekte im Landkreis.',
  kind: 'vernetzungstreffen',
  fieldsOfAction: ['teilhabe', 'wohnen'],
  municipality: 'esslingen-am-neckar',
  venueName: 'Landratsamt, Sitzungssaal 1',
  venueStreet: 'Pulverwiesen 11',
  venuePostalCode: '73728',
  venueCity: 'Esslingen',
  onlineUrl: '',
  startsAt: '2026-12-03T17:00',
  endsAt: '2026-12-03T19:00',
  capacity: '40',
  waitlistEnabled: 'on',
  promotionMode: 'automatic',
  offerHours: '48',
  maxCompanions: '1',
  registrationClosesAt: '',
  reminderHours: '168, 24',
  audience: '',
  accessibility: 'Barrierefreier Zugang',
  contactName: 'Geschäftsstelle Quartiersnetz',
  contactEmail: 'quartiersnetz@example.org',
  contactPhone: '',
};
const eventFormText =
  'Times are wall-clock times in the office’s time zone (`datetime-local`). Organisers create for their own organisation; admins pick one (`organisationId`).';

consolePage(CE, 'Events of one’s organisation (admins: all), newest first', 'console-session');
consolePage(`${CE}/neu`, 'New event: the form', 'console-session');
consolePost(
  `${CE}/neu`,
  'Create an event (as a draft); audited',
  'console-session',
  redirect(`${CE}/{id}?erledigt=angelegt`),
  {
    description: eventFormText,
    body: formBody(eventForm),
    bodyExample: eventFormExample,
    statuses: [400, 503],
  },
);
consolePage(`${CE}/:id`, 'An event with counts and the attendee list', 'console-session', {
  params: idParams,
  query: z.object({
    erledigt: z
      .enum([
        'gespeichert',
        'angelegt',
        'veroeffentlicht',
        'abgesagt',
        'storniert',
        'nachgerueckt',
        'angemeldet',
        'bekannt',
        'ohne-email',
        'nachgerueckt-anrufen',
        'storniert-anrufen',
        'geaendert-anrufen',
      ])
      .optional(),
    wer: z.string().max(1_300).optional().meta({
      description: 'With `…-anrufen`: the registrations (ids, comma-separated) to tell by phone or letter',
    }),
  }),
  errors404: true,
});
consolePage(`${CE}/:id/bearbeiten`, 'Edit an event: the form', 'console-session', {
  params: idParams,
  errors404: true,
});
consolePost(
  `${CE}/:id/bearbeiten`,
  'Save an event; audited',
  'console-session',
  ceDone('?erledigt=gespeichert'),
  {
    description:
      `${eventFormText} A capacity below the seats held is shown as a form error (400); a cancelled event is 410. ` +
      'A change registrants are mailed about, with registrations without an email address, redirects with ' +
      '`?erledigt=geaendert-anrufen&wer=<ids>`: the page names whom to tell.',
    params: idParams,
    body: formBody(eventForm),
    bodyExample: { ...eventFormExample, capacity: '50' },
    statuses: [400, 404, 410, 503],
  },
);
consolePost(
  `${CE}/:id/veroeffentlichen`,
  'Publish an event; audited',
  'console-session',
  ceDone('?erledigt=veroeffentlicht'),
  {
    params: idParams,
    statuses: [404, 410, 503],
  },
);
consolePage(`${CE}/:id/absagen`, 'Cancel an event: the confirmation page', 'console-session', {
  params: idParams,
  errors404: true,
});
consolePost(
  `${CE}/:id/absagen`,
  'Cancel an event (every registrant is told); audited',
  'console-session',
  ceDone('?erledigt=abgesagt'),
  {
    params: idParams,
    statuses: [404, 503],
  },
);
consolePage(
  `${CE}/:id/teilnehmende.csv`,
  'The attendee list as CSV (a download); audited',
  'console-session',
  {
    params: idParams,
    errors404: true,
    responses: {
      200: {
        description: 'CSV in UTF-8, `Content-Disposition: attachment`, `Cache-Control: no-store`',
        contentType: 'text/csv',
      },
    },
  },
);
consolePage(`${CE}/:id/check-in`, 'Check-in list for the door, searchable', 'console-session', {
  params: idParams,
  query: z.object({
    q: z.string().max(100).optional(),
    who: z.string().optional().meta({ description: 'Registration just checked in or out (shows a notice)' }),
  }),
  errors404: true,
});
consolePost(
  `${CE}/:id/check-in/:registrationId`,
  'Check an attendee in (`attended=1`) or undo it; audited',
  'console-session',
  redirect(`${CE}/{id}/check-in?who={registrationId}#a-{registrationId}`),
  {
    description: 'Only confirmed registrations (else a 409 page).',
    params: z.strictObject({ id: idParams.shape.id, registrationId: idParams.shape.id }),
    body: buttonForm.extend({
      attended: z.enum(['1', '0']).optional().meta({ description: '`1` checks in; anything else undoes' }),
      q: z.string().optional().meta({ description: 'The list’s search, kept across the redirect' }),
    }),
    bodyExample: { _csrf: CSRF_EXAMPLE, attended: '1', q: 'Muster' },
    statuses: [404, 409, 503],
  },
);

consolePage(`${CE}/:id/anmelden`, 'Register someone on their behalf: the form', 'console-session', {
  params: idParams,
  errors404: true,
});
consolePost(
  `${CE}/:id/anmelden`,
  'Register someone on their behalf (confirmed or waitlisted, mailed like any registration); audited',
  'console-session',
  ceDone('?erledigt=angemeldet'),
  {
    description:
      'An address already registered for the event redirects with `?erledigt=bekannt`; nothing changes. ' +
      'Without an email address, a phone number or postal address is required; such a registration is never mailed ' +
      'and redirects with `?erledigt=ohne-email`.',
    params: idParams,
    body: formBody(onBehalfForm),
    bodyExample: {
      _csrf: CSRF_EXAMPLE,
      name: 'Erika Muster',
      email: 'erika@example.org',
      organisation: '',
      companions: '0',
      accessibilityNeeds: '',
    },
    statuses: [400, 404, 409, 410, 503],
  },
);
const registrationParams = z.strictObject({ id: idParams.shape.id, registrationId: idParams.shape.id });
consolePost(
  `${CE}/:id/anmeldungen/:registrationId/stornieren`,
  'Cancel one registration (the person is mailed, the waiting list moves up); audited',
  'console-session',
  ceDone('?erledigt=storniert'),
  {
    description:
      'When the freed seats go to people registered without an email address, the redirect is ' +
      '`?erledigt=storniert-anrufen&wer=<ids>` and the page names them with their phone or postal address.',
    params: registrationParams,
    statuses: [404, 503],
  },
);
consolePost(
  `${CE}/:id/anmeldungen/:registrationId/nachruecken`,
  'Move someone from the waiting list to a confirmed seat, out of turn; audited',
  'console-session',
  ceDone('?erledigt=nachgerueckt'),
  {
    description:
      'Takes a free seat as every registration does, so the event is never oversold: none free is 409. ' +
      'Someone without an email address redirects with `?erledigt=nachgerueckt-anrufen&wer=<id>`: the page says to tell them.',
    params: registrationParams,
    statuses: [404, 409, 410, 503],
  },
);

// ---- console: newsletter (admins) ----

const CN = '/konsole/newsletter';
const campaignExample = {
  _csrf: CSRF_EXAMPLE,
  name: 'Quartiersnews Dezember',
  subject: 'Neues aus den Quartieren',
  preheader: '',
  listIds: ['quartiersnews'],
  bodyMarkdown: '# Hallo {{name}}\n\nDas Neueste aus den Quartieren …',
  countClicks: 'on',
};
const campaignParams = z.strictObject({ id: z.string().max(100) });

consolePage(CN, 'Newsletter: lists with their confirmed subscribers, and campaigns', 'console-admin');
consolePage(`${CN}/listen/neu`, 'New list: the form', 'console-admin');
consolePost(`${CN}/listen/neu`, 'Create a list; audited', 'console-admin', redirect(CN), {
  body: formBody(listForm),
  bodyExample: { _csrf: CSRF_EXAMPLE, name: 'Quartiersnews', description: '', lang: 'de' },
  statuses: [400],
});
consolePage(`${CN}/listen/:id`, 'A list and its subscribers (the first 200)', 'console-admin', {
  params: campaignParams,
  errors404: true,
});
consolePage(`${CN}/kampagnen/neu`, 'New campaign: compose with live preview', 'console-admin');
consolePost(
  `${CN}/kampagnen/neu`,
  'Create a campaign (draft); audited',
  'console-admin',
  redirect(`${CN}/kampagnen/{id}?erledigt=angelegt`),
  {
    description: 'Checkboxes send `on`; `listIds` may repeat.',
    body: formBody(campaignForm),
    bodyExample: campaignExample,
    statuses: [400],
  },
);

documentRoute({
  method: 'post',
  path: `${CN}/vorschau`,
  summary: 'Live preview of the Markdown being composed (the compose page posts its form here)',
  description: 'Its own Content-Security-Policy: no scripts, no requests but https images. Changes nothing.',
  tags,
  auth: 'console-admin',
  body: buttonForm.extend({
    subject: z.string().optional().meta({ description: 'Up to 300 characters are used' }),
    bodyMarkdown: z.string().optional().meta({ description: 'Up to 200,000 characters are used' }),
  }),
  bodyContentType: FORM,
  bodyExample: { _csrf: CSRF_EXAMPLE, subject: 'Neues aus den Quartieren', bodyMarkdown: '# Hallo' },
  responses: { 200: page('The rendered preview document'), ...errorResponses(401, 403) },
});

consolePage(`${CN}/kampagnen/:id`, 'A campaign: edit, test, schedule, progress', 'console-admin', {
  params: campaignParams,
  query: z.object({
    erledigt: z.enum(['angelegt', 'gespeichert', 'geplant']).optional(),
    test: z.string().optional().meta({ description: 'How many test mails were queued (shows a notice)' }),
  }),
  errors404: true,
});
consolePage(
  `${CN}/kampagnen/:id/vorschau.html`,
  'The campaign as it will be mailed (for an iframe)',
  'console-admin',
  {
    description: 'Its own Content-Security-Policy: no scripts, no requests but https images.',
    params: campaignParams,
    errors404: true,
  },
);
consolePage(
  `${CN}/kampagnen/:id/fortschritt.json`,
  'Sending progress, polled by the campaign page',
  'console-admin',
  {
    params: campaignParams,
    errors404: true,
    responses: {
      200: {
        description:
          'The same progress as `GET /api/newsletter/campaigns/{id}/progress` (`Cache-Control: no-store`)',
        contentType: 'application/json',
      },
    },
  },
);
consolePost(
  `${CN}/kampagnen/:id`,
  'Save a campaign; audited',
  'console-admin',
  redirect(`${CN}/kampagnen/{id}?erledigt=gespeichert`),
  {
    description: 'A campaign that is no longer a draft is shown as a form error (400).',
    params: campaignParams,
    body: formBody(campaignForm),
    bodyExample: campaignExample,
    statuses: [400, 404],
  },
);
consolePost(
  `${CN}/kampagnen/:id/test`,
  'Send test mails to up to 10 addresses; audited',
  'console-admin',
  redirect(`${CN}/kampagnen/{id}?test={count}`),
  {
    description: '`to` is one comma-separated text.',
    params: campaignParams,
    body: formBody(testForm),
    bodyExample: { _csrf: CSRF_EXAMPLE, to: 'redaktion@example.org, test@example.org' },
    statuses: [400, 404, 503],
  },
);
consolePost(
  `${CN}/kampagnen/:id/planen`,
  'Schedule a campaign (empty `at`: send now); audited',
  'console-admin',
  redirect(`${CN}/kampagnen/{id}?erledigt=geplant`),
  {
    description: '`at` is a wall-clock time in the office’s time zone (`datetime-local`).',
    params: campaignParams,
    body: formBody(scheduleForm),
    bodyExample: { _csrf: CSRF_EXAMPLE, at: '2026-12-01T09:00' },
    statuses: [400, 404, 503],
  },
);
for (const [path, summary] of [
  ['zurueckziehen', 'Withdraw a scheduled campaign (back to draft)'],
  ['anhalten', 'Pause a sending campaign'],
  ['fortsetzen', 'Resume a paused campaign'],
  ['abbrechen', 'Cancel a campaign'],
] as const) {
  consolePost(
    `${CN}/kampagnen/:id/${path}`,
    `${summary}; audited`,
    'console-admin',
    redirect(`${CN}/kampagnen/{id}`),
    {
      params: campaignParams,
      statuses: [404, 409, 503],
    },
  );
}

// ---- console: funding programmes (admins) ----

const CF = '/konsole/foerderprogramme';
const programmeParams = z.strictObject({ id: z.string().max(200) });
/**
 * The programme form is flat (as HTML forms are); `programmeInputOf` maps it onto the funding
 * domain's own input schema (createProgrammeInput / updateProgrammeInput), which judges it.
 */
const programmeFormBody = buttonForm.extend({
  title: z.string(),
  provider: z.string(),
  providerName: z.string(),
  programmeLine: z.string().optional(),
  summary: z.string(),
  description: z.string().optional(),
  fieldsOfAction: z.union([z.string(), z.array(z.string())]),
  applicantTypes: z.union([z.string(), z.array(z.string())]),
  regionScope: z.string().optional(),
  regionMunicipalities: z.union([z.string(), z.array(z.string())]).optional(),
  amountMin: z.string().optional(),
  amountMax: z.string().optional(),
  amountNote: z.string().optional(),
  fundingRatePercent: z.string().optional(),
  opensOn: z.string().optional(),
  deadlines: z.string().optional().meta({ description: 'Dates (YYYY-MM-DD) separated by commas or spaces' }),
  rolling: z.string().optional(),
  linkLabel: z.string(),
  linkUrl: z.string(),
  contactName: z.string().optional(),
  contactEmail: z.string().optional(),
  contactPhone: z.string().optional(),
});
const programmeExample = {
  _csrf: CSRF_EXAMPLE,
  title: 'Quartiersimpulse – Beratung und Prozessbegleitung',
  provider: 'land',
  providerName: 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg',
  summary: 'Fördert Kommunen und zivilgesellschaftliche Akteure beim Aufbau alternsgerechter Quartiere.',
  fieldsOfAction: ['teilhabe', 'engagement'],
  applicantTypes: ['kommune', 'verein'],
  regionScope: 'state',
  deadlines: '2027-01-15',
  linkLabel: 'Offizielle Ausschreibung',
  linkUrl: 'https://example.org/foerderung/quartiersimpulse',
};
const programmeFormText =
  'The flat form is mapped onto the funding domain’s input schema, which judges it; rejected fields are shown beside the form (400).';

consolePage(CF, 'Funding programmes, most recently changed first', 'console-admin', {
  query: z.object({
    erledigt: z.enum(['angelegt', 'gespeichert', 'veroeffentlicht', 'archiviert']).optional(),
  }),
});
consolePage(`${CF}/neu`, 'New funding programme: the form', 'console-admin');
consolePost(
  `${CF}/neu`,
  'Create a funding programme (draft); audited',
  'console-admin',
  redirect(`${CF}?erledigt=angelegt`),
  {
    description: programmeFormText,
    body: programmeFormBody,
    bodyExample: programmeExample,
    statuses: [400],
  },
);
consolePage(`${CF}/:id`, 'Edit a funding programme: the form', 'console-admin', {
  params: programmeParams,
  errors404: true,
});
consolePost(
  `${CF}/:id`,
  'Save a funding programme (subscribers hear of a moved window); audited',
  'console-admin',
  redirect(`${CF}?erledigt=gespeichert`),
  {
    description: `${programmeFormText} An emptied optional field is cleared.`,
    params: programmeParams,
    body: programmeFormBody,
    bodyExample: programmeExample,
    statuses: [400, 404, 503],
  },
);
consolePost(
  `${CF}/:id/veroeffentlichen`,
  'Publish a funding programme (alerts its subscribers); audited',
  'console-admin',
  redirect(`${CF}?erledigt=veroeffentlicht`),
  {
    params: programmeParams,
    statuses: [404, 409, 503],
  },
);
consolePost(
  `${CF}/:id/archivieren`,
  'Archive a funding programme; audited',
  'console-admin',
  redirect(`${CF}?erledigt=archiviert`),
  {
    params: programmeParams,
    statuses: [404, 503],
  },
);
