import { z } from 'zod';
import { documentRoute, type ApiRoute } from '@qn/http';
import { LINK_TOKEN_PATTERN } from '@qn/newsletter';
import { eventFilterForm } from './events/public-event-list';
import { registrationForm } from './events/public-event-routes';
import { rectifyForm } from './events/rectify-registration-route';
import { programmeFilterForm } from './funding/programme-list-page';
import { alertManageForm, alertSubscribeForm } from './funding/alert-form';
import { subscribeForm } from './newsletter/public-newsletter-routes';
import { requestForm } from './pages/privacy-request-routes';
import {
  buttonForm,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  formBody,
  idParams,
  manageTokenParams,
  page,
  publicTags as tags,
  redirect,
} from './web-doc-helpers';

/** The public pages (server-rendered HTML) in the OpenAPI document. */
const pageRoute = (path: string, summary: string, extra: Partial<ApiRoute> = {}) =>
  documentRoute({
    method: 'get',
    path,
    summary,
    tags,
    auth: 'public',
    ...extra,
    responses: { 200: page(summary), ...extra.responses },
  });

/** A public form post (urlencoded, with the page's CSRF token); a button form unless `body` says otherwise. */
const formRoute = (path: string, summary: string, extra: Partial<ApiRoute> & Pick<ApiRoute, 'responses'>) =>
  documentRoute({
    method: 'post',
    path,
    summary,
    tags,
    auth: 'public',
    body: buttonForm,
    bodyExample: { _csrf: CSRF_EXAMPLE },
    ...extra,
    bodyContentType: FORM,
  });

pageRoute('/', 'Home page', {
  description:
    'Every page takes `?lang=de|en` (remembered in a cookie; German by default) and answers `Cache-Control: no-store`.',
});
pageRoute('/datenschutz', 'Privacy notice (DSGVO Art. 13/14)');
pageRoute('/impressum', 'Imprint');
pageRoute('/barrierefreiheit', 'Accessibility statement');

// ---- events ----

pageRoute('/veranstaltungen', 'Event calendar with filters (a GET form) and feed links', {
  query: eventFilterForm.partial(),
  responses: errorResponses(400),
});
pageRoute('/veranstaltungen/:id', 'An event with its registration form', {
  description: 'Drafts are 404.',
  params: idParams,
  responses: errorResponses(404),
});

formRoute('/veranstaltungen/:id/anmeldung', 'Register for an event (the form on the event page)', {
  description:
    'Rate-limited per client address and per email address. A new address and one registered already get ' +
    'the same page; the manage link goes out by mail only (to a known address: a note to its owner).',
  params: idParams,
  body: formBody(registrationForm),
  bodyExample: {
    _csrf: CSRF_EXAMPLE,
    name: 'Erika Mustermann',
    email: 'erika@example.org',
    organisation: 'Seniorenrat Köngen',
    accessibilityNeeds: '',
    companions: '1',
    consent: 'on',
  },
  responses: {
    200: page(
      'Received: the same page for a new address and one registered already (the manage link goes by mail only)',
    ),
    ...errorResponses(400, 403, 404, 410, 429, 503),
  },
});

pageRoute('/veranstaltungen/anmeldung/:token', 'Manage page of a registration (from the mailed link)', {
  description:
    'Cancel, accept an offered seat, correct name, organisation and accessibility needs. `Referrer-Policy: no-referrer` (the token is in the URL).',
  params: manageTokenParams,
  query: z.object({
    neu: z.literal('1').optional(),
    erledigt: z.enum(['storniert', 'angenommen', 'berichtigt']).optional(),
  }),
  responses: errorResponses(404),
});

formRoute(
  '/veranstaltungen/anmeldung/:token/stornieren',
  'Cancel one’s registration (button on the manage page)',
  {
    params: manageTokenParams,
    responses: {
      303: redirect('/veranstaltungen/anmeldung/{token}?erledigt=storniert'),
      ...errorResponses(403, 404, 503),
    },
  },
);

formRoute(
  '/veranstaltungen/anmeldung/:token/annehmen',
  'Accept a seat offered from the waiting list (button on the manage page)',
  {
    params: manageTokenParams,
    responses: {
      303: redirect('/veranstaltungen/anmeldung/{token}?erledigt=angenommen'),
      ...errorResponses(403, 404, 410, 503),
    },
  },
);

formRoute(
  '/veranstaltungen/anmeldung/:token/berichtigen',
  'Correct name, organisation and accessibility needs (DSGVO Art. 16; form on the manage page)',
  {
    description:
      'An emptied optional field deletes the entry. A cancelled registration or a cancelled or past event is 409.',
    params: manageTokenParams,
    body: formBody(rectifyForm),
    bodyExample: {
      _csrf: CSRF_EXAMPLE,
      name: 'Erika Mustermann',
      organisation: '',
      accessibilityNeeds: 'Rollstuhl',
    },
    responses: {
      303: redirect('/veranstaltungen/anmeldung/{token}?erledigt=berichtigt'),
      ...errorResponses(400, 403, 404, 409, 503),
    },
  },
);

// ---- funding ----

pageRoute('/foerderprogramme', 'Funding programme search with filters (a GET form)', {
  query: programmeFilterForm.partial(),
  responses: errorResponses(400),
});
pageRoute('/foerderprogramme/:id', 'A funding programme', {
  description: 'Drafts and archived programmes are 404.',
  params: z.strictObject({ id: z.string().max(200) }),
  responses: errorResponses(404),
});

const ALERTS = '/foerderprogramme/benachrichtigungen';
const alertToken = z.strictObject({ token: z.string().max(500) });
const linkPage = {
  description:
    '`Referrer-Policy: no-referrer`; an unknown, used or expired token is a “link invalid” page (404).',
  params: alertToken,
};

pageRoute(ALERTS, 'Funding alerts: the subscription form');

formRoute(ALERTS, 'Subscribe to funding alerts (double opt-in: a confirmation mail follows)', {
  description:
    'Rate-limited per client address and per email address. The same answer whether the address is new, ' +
    'already subscribed or blocked. `keywords` is one comma-separated text; checkboxes send `on`.',
  body: formBody(alertSubscribeForm),
  bodyExample: {
    _csrf: CSRF_EXAMPLE,
    email: 'erika@example.org',
    fieldsOfAction: ['teilhabe', 'wohnen'],
    municipalities: 'koengen',
    keywords: 'Quartier, Nachbarschaft',
    frequency: 'weekly',
    reminders: 'on',
    consent: 'on',
  },
  responses: {
    200: page('A confirmation mail is on its way'),
    ...errorResponses(400, 403, 429, 503),
  },
});

pageRoute(`${ALERTS}/bestaetigen/:token`, 'Confirm a funding alert subscription: a page with one button', {
  ...linkPage,
  description: `Confirms nothing itself (mail scanners follow links). ${linkPage.description}`,
  responses: errorResponses(404),
});

formRoute(
  `${ALERTS}/bestaetigen/:token`,
  'Confirm the subscription (the button); the page links to the manage page',
  {
    ...linkPage,
    responses: { 200: page('Confirmed'), ...errorResponses(403, 404) },
  },
);

pageRoute(
  `${ALERTS}/verwalten/:token`,
  'Manage a funding alert subscription: filters, frequency, reminders',
  {
    ...linkPage,
    query: z.object({ gespeichert: z.literal('1').optional() }),
    responses: errorResponses(404),
  },
);

formRoute(`${ALERTS}/verwalten/:token`, 'Save the subscription’s filters, frequency and reminders', {
  ...linkPage,
  body: formBody(alertManageForm),
  bodyExample: { _csrf: CSRF_EXAMPLE, fieldsOfAction: 'pflege', keywords: '', frequency: 'immediate' },
  responses: {
    303: redirect(`${ALERTS}/verwalten/{token}?gespeichert=1`),
    ...errorResponses(400, 403, 404),
  },
});

formRoute(`${ALERTS}/verwalten/:token/abmelden`, 'End the subscription from its manage page', {
  ...linkPage,
  responses: { 200: page('Unsubscribed'), ...errorResponses(403, 404) },
});

pageRoute(
  `${ALERTS}/abmelden/:token`,
  'Unsubscribe from funding alerts (link in every alert): a page with one button',
  {
    ...linkPage,
    responses: errorResponses(404),
  },
);

formRoute(`${ALERTS}/abmelden/:token`, 'Unsubscribe from funding alerts (the button)', {
  ...linkPage,
  responses: { 200: page('Unsubscribed'), ...errorResponses(403, 404) },
});

// ---- newsletter ----

pageRoute('/newsletter', 'Newsletter: the subscription form with the public lists');

formRoute('/newsletter', 'Subscribe to a newsletter list (double opt-in: a confirmation mail follows)', {
  description:
    'Rate-limited per client address and per email address. The same answer whether the address is new, already subscribed or blocked.',
  body: formBody(subscribeForm),
  bodyExample: {
    _csrf: CSRF_EXAMPLE,
    listId: 'quartiersnews',
    email: 'erika@example.org',
    name: 'Erika Mustermann',
    municipality: 'koengen',
    fieldsOfAction: 'teilhabe',
    consent: 'on',
  },
  responses: {
    200: page('A confirmation mail is on its way'),
    ...errorResponses(400, 403, 429, 503),
  },
});

const nlToken = z.strictObject({ token: z.string().regex(LINK_TOKEN_PATTERN) });
const nlLink = (path: string, summary: string) =>
  pageRoute(path, summary, {
    description:
      'Changes nothing (mail scanners follow links). `Referrer-Policy: no-referrer`; an unknown or expired link is a 404 page.',
    params: nlToken,
    responses: errorResponses(404),
  });
const nlButton = (path: string, summary: string, done: string) =>
  formRoute(path, summary, { params: nlToken, responses: { 200: page(done), ...errorResponses(403, 404) } });

nlLink('/newsletter/bestaetigen/:token', 'Confirm a newsletter subscription: a page with one button');
nlButton('/newsletter/bestaetigen/:token', 'Confirm the newsletter subscription (the button)', 'Confirmed');
nlLink(
  '/newsletter/abmelden/:token',
  'Unsubscribe from a newsletter list (link in every mail): a page with one button',
);
nlButton('/newsletter/abmelden/:token', 'Unsubscribe (the button)', 'Unsubscribed');

// ---- privacy ----

pageRoute('/datenschutz/anfrage', 'Ask for access to or erasure of one’s data: the form');

formRoute(
  '/datenschutz/anfrage',
  'Ask for access to or erasure of the data stored about an address (confirmed by a mailed link)',
  {
    description:
      'Rate-limited per client address and per email address. The same answer whether or not anything is stored about the address.',
    body: formBody(requestForm),
    bodyExample: { _csrf: CSRF_EXAMPLE, email: 'erika@example.org', kind: 'access' },
    responses: {
      200: page('A mail with a confirmation link is on its way'),
      ...errorResponses(400, 403, 429, 503),
    },
  },
);
