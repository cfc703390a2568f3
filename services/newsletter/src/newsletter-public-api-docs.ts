import { documentRoute } from '@qn/http';
import { CONSENT_TEXT, CONSENT_TEXT_VERSION } from '@qn/newsletter';
import { bounceEventsInput, idParam, subscribeInput, tokenParam } from './inputs';
import { SUBSCRIBE_ANSWER } from './public-routes';
import {
  bounceReport,
  hookAnswer,
  hookParams,
  htmlPage,
  oneClickBody,
  publicListView,
  subscribeAnswer,
} from './newsletter-api-schemas';

/**
 * The public newsletter routes (sign-up and the pages behind the links in mails) and the
 * bounce endpoints in the OpenAPI document. The link pages answer HTML in the subscriber's
 * language, also for an unknown (404) or expired (410) link; only malformed input is problem+json.
 */
const base = '/api/newsletter';
const tags = ['Newsletter: Anmeldung'];
const page = (description: string, example: string) => ({
  description,
  schema: htmlPage,
  contentType: 'text/html',
  example,
});
const invalidLink = page(
  'Page: the link is invalid or was replaced by a newer one',
  '<!doctype html><html lang="de">…<h1>Link ungültig</h1>…</html>',
);
const expiredLink = page(
  'Page: the confirmation link has expired (sign up again)',
  '<!doctype html><html lang="de">…<h1>Link abgelaufen</h1>…</html>',
);

documentRoute({
  method: 'get',
  path: `${base}/lists/:id/public`,
  summary: 'What a sign-up form shows: the list’s name and description, and the consent text to show',
  tags,
  auth: 'public',
  params: idParam,
  responses: {
    200: {
      description: 'The list, public part',
      schema: publicListView,
      example: {
        id: 'k3Jx9QeWm2',
        name: 'Quartiersnewsletter Landkreis Esslingen',
        description: 'Neues aus den Quartieren, Termine und Förderprogramme, einmal im Monat.',
        lang: 'de',
        consentText: CONSENT_TEXT,
        consentTextVersion: CONSENT_TEXT_VERSION,
      },
    },
  },
  errors: [400, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/lists/:id/subscribe`,
  summary: 'Sign up for a list (double opt-in: a confirmation mail follows)',
  description:
    'Always the same 202, whether the address is new, pending, subscribed already or blocked. Nothing is stored without `consent: true`. A plain HTML form may post the same fields as `application/x-www-form-urlencoded` (`municipality`, `actorType`, repeated `fieldsOfAction` at the top level; `consent=on`).',
  tags,
  auth: 'public',
  params: idParam,
  body: subscribeInput,
  bodyExample: {
    email: 'erika@example.org',
    name: 'Erika Mustermann',
    lang: 'de',
    attributes: { municipality: 'nuertingen', actorType: 'verein', fieldsOfAction: ['teilhabe'] },
    consent: true,
  },
  responses: {
    202: { description: 'Accepted; a mail follows', schema: subscribeAnswer, example: SUBSCRIBE_ANSWER },
  },
  errors: [400, 404, 429, 503],
});

documentRoute({
  method: 'get',
  path: `${base}/confirm/:token`,
  summary: 'The confirmation link from the mail: a page with one button that posts back',
  description: 'Confirms nothing by itself (mail scanners follow links).',
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: page(
      'Page asking to confirm (or saying it is confirmed already)',
      '<!doctype html><html lang="de">…<h1>Anmeldung bestätigen</h1>…<form method="post">…</form>…</html>',
    ),
    404: invalidLink,
    410: expiredLink,
  },
  errors: [400],
});

documentRoute({
  method: 'post',
  path: `${base}/confirm/:token`,
  summary: 'Confirm the sign-up (idempotent); lifts an earlier unsubscription, sends the welcome mail',
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: page('Page: confirmed', '<!doctype html><html lang="de">…<h1>Anmeldung bestätigt</h1>…</html>'),
    404: invalidLink,
    410: expiredLink,
  },
  errors: [400, 503],
});

documentRoute({
  method: 'get',
  path: `${base}/u/:token`,
  summary: 'The unsubscribe link from the mail: a page with one button; never unsubscribes by itself',
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: page(
      'Page asking to unsubscribe (or saying it is done already; for a test send: that it changes nothing)',
      '<!doctype html><html lang="de">…<h1>Newsletter abbestellen</h1>…<form method="post">…</form>…</html>',
    ),
    404: invalidLink,
  },
  errors: [400],
});

documentRoute({
  method: 'post',
  path: `${base}/u/:token`,
  summary: 'One-click unsubscribe (RFC 8058 target of List-Unsubscribe-Post) and the page’s button',
  description:
    'No login, cookie or CSRF token: the signed token in the path is enough. Mail clients post `List-Unsubscribe=One-Click`; the page’s button posts no fields; any body is accepted. The address is suppressed for every list; idempotent.',
  tags,
  auth: 'public',
  params: tokenParam,
  body: oneClickBody,
  bodyContentType: 'application/x-www-form-urlencoded',
  bodyExample: { 'List-Unsubscribe': 'One-Click' },
  responses: {
    200: page('Page: unsubscribed', '<!doctype html><html lang="de">…<h1>Abgemeldet</h1>…</html>'),
    404: invalidLink,
  },
  errors: [400, 503],
});

const bounces = ['Newsletter: Bounces'];
const bounceDescription =
  'Body: JSON events (what a relay’s webhook is mapped to), or a raw DSN or ARF message as `message/*`, `multipart/report` or `text/plain` (what a bounce mailbox receives, piped in as-is; up to 2 MB). A hard bounce or a complaint suppresses the address; soft bounces change nothing. Idempotent.';
const bounceAnswer = {
  description: 'What was recorded',
  schema: bounceReport,
  example: { hard: 1, soft: 0, complaints: 0, unsubscribes: 0 },
};
const bounceExample = {
  events: [{ email: 'alt@example.org', type: 'hard', reason: '550 5.1.1 user unknown' }],
};

documentRoute({
  method: 'get',
  path: `${base}/bounces/hook`,
  summary: 'The secret URL a relay or a bounce-mailbox script posts bounces to',
  tags: bounces,
  auth: 'admin',
  responses: {
    200: {
      description: 'The hook URL',
      schema: hookAnswer,
      example: { url: 'https://quartiersnetz.example/api/newsletter/bounces/hook/3q2-7xVb…' },
    },
  },
  errors: [401, 403],
});

documentRoute({
  method: 'post',
  path: `${base}/bounces`,
  summary: 'Record bounces and complaints (admin token)',
  description: bounceDescription,
  tags: bounces,
  auth: 'admin',
  body: bounceEventsInput,
  bodyExample: bounceExample,
  responses: { 200: bounceAnswer },
  errors: [400, 401, 403, 413, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/bounces/hook/:secret`,
  summary: 'Record bounces and complaints (secret URL, for the relay or the bounce mailbox)',
  description: `${bounceDescription} A wrong secret is 404.`,
  tags: bounces,
  auth: 'public',
  params: hookParams,
  body: bounceEventsInput,
  bodyExample: bounceExample,
  responses: { 200: bounceAnswer },
  errors: [400, 404, 413, 503],
});
