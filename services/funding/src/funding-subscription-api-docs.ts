import { documentRoute } from '@qn/http';
import { managePatch, SUBSCRIBE_ANSWER, subscribeInput, tokenParam } from './subscription-routes';
import {
  htmlPage,
  oneClickBody,
  statusAnswer,
  subscribeAnswer,
  subscriptionExample,
  subscriptionView,
} from './funding-api-schemas';

/**
 * The alert subscription routes in the OpenAPI document. The link routes answer browsers
 * (`Accept: text/html`) with a page and other clients with JSON; an unknown or expired token
 * is a 404 page for browsers and problem+json otherwise.
 */
const tags = ['Förderprogramme: Benachrichtigungen'];
const base = '/api/funding';
const page = (description: string, example: string) => ({
  description,
  schema: htmlPage,
  contentType: 'text/html',
  example,
});
const byAccept = 'Browsers (`Accept: text/html`) get a page instead of the JSON.';

documentRoute({
  method: 'post',
  path: `${base}/subscriptions`,
  summary: 'Subscribe to alerts about matching programmes (double opt-in: a confirmation mail follows)',
  description:
    'Always the same 202, whether the address is new, subscribed already, throttled or blocked. Nothing is stored without `consent: true`.',
  tags,
  auth: 'public',
  body: subscribeInput,
  bodyExample: {
    email: 'erika@example.org',
    filters: { fieldsOfAction: ['pflege'], municipalities: ['esslingen-am-neckar'], keywords: ['quartier'] },
    frequency: 'weekly',
    reminders: true,
    consent: true,
  },
  responses: {
    202: { description: 'Accepted; a mail follows', schema: subscribeAnswer, example: SUBSCRIBE_ANSWER },
  },
  errors: [400, 429, 503],
});

documentRoute({
  method: 'get',
  path: `${base}/subscriptions/confirm/:token`,
  summary: 'The confirmation link from the mail: a page with one button that posts back',
  description: 'Confirms nothing by itself (mail scanners follow links).',
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: page(
      'Page asking to confirm',
      '<!doctype html><html lang="de">…<h1>Anmeldung bestätigen</h1>…<form method="post">…</form>…</html>',
    ),
  },
  errors: [400, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/subscriptions/confirm/:token`,
  summary: 'Confirm the subscription (idempotent); an earlier subscription of the address ends',
  description: byAccept,
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: { description: 'Confirmed', schema: statusAnswer, example: { status: 'confirmed' } },
  },
  errors: [400, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/subscriptions/manage/:token`,
  summary: 'The manage link: the subscription’s filters, frequency and reminders',
  description: `${byAccept} The page is a form that posts back to the same URL.`,
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: { description: 'The subscription', schema: subscriptionView, example: subscriptionExample },
  },
  errors: [400, 404],
});

documentRoute({
  method: 'patch',
  path: `${base}/subscriptions/manage/:token`,
  summary: 'Change filters, frequency or reminders of a confirmed subscription',
  tags,
  auth: 'public',
  params: tokenParam,
  body: managePatch,
  bodyExample: { frequency: 'immediate', filters: { fieldsOfAction: ['pflege', 'wohnen'] } },
  responses: {
    200: {
      description: 'The changed subscription',
      schema: subscriptionView,
      example: { ...subscriptionExample, frequency: 'immediate' },
    },
  },
  errors: [400, 404, 410],
});

documentRoute({
  method: 'post',
  path: `${base}/subscriptions/manage/:token`,
  summary: 'The manage page’s form (for browsers): saves and shows the page again',
  description:
    'Body `application/x-www-form-urlencoded`: `fieldsOfAction`, `applicantTypes`, `municipalities`, `providers` (repeated, none = all), `keywords` (comma-separated), `frequency` (`immediate` | `weekly`), `reminders=on`. Validated like the PATCH: an unknown field or a missing `frequency` is a 400 and changes nothing.',
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: page(
      'The manage page with “saved”',
      '<!doctype html><html lang="de">…<p role="status">Ihre Einstellungen sind gespeichert.</p>…</html>',
    ),
  },
  errors: [400, 404, 410],
});

documentRoute({
  method: 'delete',
  path: `${base}/subscriptions/manage/:token`,
  summary: 'End the subscription from the manage link (idempotent)',
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: { description: 'Unsubscribed', schema: statusAnswer, example: { status: 'unsubscribed' } },
  },
  errors: [400, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/unsubscribe/:token`,
  summary: 'The unsubscribe link from the mail: a page with one button; never unsubscribes by itself',
  tags,
  auth: 'public',
  params: tokenParam,
  responses: {
    200: page(
      'Page asking to unsubscribe (or saying it is done already)',
      '<!doctype html><html lang="de">…<h1>Abmelden</h1>…<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">…</form>…</html>',
    ),
  },
  errors: [400, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/unsubscribe/:token`,
  summary: 'One-click unsubscribe (RFC 8058 target of List-Unsubscribe-Post; idempotent)',
  description: `No login, cookie or CSRF token: the token in the path is enough. Mail clients send the body \`List-Unsubscribe=One-Click\` (so does the page’s button); any body or none is accepted. ${byAccept}`,
  tags,
  auth: 'public',
  params: tokenParam,
  body: oneClickBody,
  bodyContentType: 'application/x-www-form-urlencoded',
  bodyExample: { 'List-Unsubscribe': 'One-Click' },
  responses: {
    200: { description: 'Unsubscribed', schema: statusAnswer, example: { status: 'unsubscribed' } },
  },
  errors: [400, 404],
});
