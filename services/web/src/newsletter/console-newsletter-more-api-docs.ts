import { z } from 'zod';
import { documentRoute, type ApiResponse, type ApiRoute } from '@qn/http';
import {
  buttonForm,
  consoleTags as tags,
  CSRF_EXAMPLE,
  errorResponses,
  FORM,
  formBody,
  page,
  redirect,
  toSignIn,
} from '../web-doc-helpers';
import { addForm, checkForm } from './console-newsletter-lists-routes';
import { importForm } from './console-newsletter-import-routes';
import { segmentForm } from './console-newsletter-segment-routes';

/** The newsletter console's suppression, bounce, import and segment pages in the OpenAPI document. */
const CN = '/konsole/newsletter';
const who = 'Admins only; others get 403.';
const idParams = z.strictObject({ id: z.string().max(100) });
const hashParams = z.strictObject({
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ description: 'The suppression entry: the HMAC of the address, as listed' }),
});

function get(path: string, summary: string, extra: Partial<ApiRoute> & { statuses?: number[] } = {}) {
  const { statuses = [], ...rest } = extra;
  documentRoute({
    method: 'get',
    path,
    summary,
    description: rest.description ?? who,
    tags,
    auth: 'console-admin',
    ...rest,
    responses: { 200: page(summary), ...toSignIn, ...errorResponses(403, ...statuses), ...rest.responses },
  });
}

function post(
  path: string,
  summary: string,
  responses: Record<number, ApiResponse>,
  extra: Partial<ApiRoute> & { statuses?: number[] } = {},
) {
  const { statuses = [], ...rest } = extra;
  documentRoute({
    method: 'post',
    path,
    summary,
    description: rest.description ?? who,
    tags,
    auth: 'console-admin',
    body: buttonForm,
    bodyExample: { _csrf: CSRF_EXAMPLE },
    ...rest,
    bodyContentType: FORM,
    responses: { ...responses, ...errorResponses(401, 403, ...statuses) },
  });
}

// ---- suppression list ----

get(
  `${CN}/sperrliste`,
  'The suppression list: hash, reason, source and date per entry; check, block, unblock',
  {
    description: `Newest first, 50 a page, at most 20 pages; the list stores address hashes only. ${who}`,
    query: z.object({
      grund: z.enum(['unsubscribed', 'bounced', 'complained', 'erased', 'manual']).optional(),
      seite: z.string().optional().meta({ description: 'Page number, from 1' }),
      erledigt: z.enum(['gesperrt', 'entfernt']).optional(),
    }),
  },
);
post(
  `${CN}/sperrliste/pruefen`,
  'Is this address suppressed? The page answers yes (with reason and date) or no',
  { 200: page('The suppression list with the answer; the address is neither stored nor shown') },
  {
    description: `A POST so that the address appears in no URL or log. ${who}`,
    body: formBody(checkForm),
    bodyExample: { _csrf: CSRF_EXAMPLE, checkEmail: 'erika@example.org' },
    statuses: [400],
  },
);
post(
  `${CN}/sperrliste`,
  'Block an address by hand, with a reason from a fixed set; audited as `newsletter.suppression.add`',
  {
    303: redirect(`${CN}/sperrliste?erledigt=gesperrt`),
    200: page('The address was on the list already: the entry stays as it was, the page says so'),
  },
  {
    body: formBody(addForm),
    bodyExample: { _csrf: CSRF_EXAMPLE, email: 'erika@example.org', reason: 'request' },
    statuses: [400],
  },
);
get(`${CN}/sperrliste/:hash/entfernen`, 'Lift a suppression: the confirmation', {
  params: hashParams,
  statuses: [404],
});
post(
  `${CN}/sperrliste/:hash/entfernen`,
  'Lift a suppression; audited as `newsletter.suppression.remove`',
  { 303: redirect(`${CN}/sperrliste?erledigt=entfernt`) },
  {
    description: `Subscribers keep their status: nobody is subscribed again. ${who}`,
    params: hashParams,
    statuses: [404],
  },
);

// ---- bounces ----

get(`${CN}/bounces`, 'Bounced addresses: hard and soft counts, last report, the subscriber records', {
  description: `Newest first, 50 a page, at most 20 pages. Only the status code of a report is kept. ${who}`,
  query: z.object({
    art: z.enum(['hard', 'soft']).optional(),
    seite: z.string().optional().meta({ description: 'Page number, from 1' }),
  }),
});

// ---- subscriber import ----

const importBase = `${CN}/listen/:id/importieren`;
get(importBase, 'Import subscribers from a CSV list: the form', { params: idParams, statuses: [404] });
post(
  importBase,
  'Preview a subscriber import: every row checked, problems named; nothing stored',
  { 200: page('The preview') },
  {
    description:
      'Header in German (E-Mail;Name;Art;Kommune;Handlungsfelder;Einwilligung am;Sprache) or the API’s keys; ' +
      'labels or keys for actor type, municipality and fields of action; dates as DD.MM.YYYY or ISO. ' +
      '`consented` needs a consent date per row and `consent=on` (proof of consent exists); `pending` sends ' +
      'the confirmation mail on import. The list is held for 30 minutes under a random id for the import button. ' +
      who,
    params: idParams,
    body: formBody(importForm),
    bodyExample: {
      _csrf: CSRF_EXAMPLE,
      csv: 'E-Mail;Name;Art;Kommune;Einwilligung am\r\nerika@example.org;Erika Muster;Verein;Nürtingen;01.10.2026\r\n',
      mode: 'consented',
      consent: 'on',
    },
    statuses: [400, 404, 503],
  },
);
post(
  `${importBase}/:previewId`,
  'Import the previewed list; audited as `newsletter.subscribers.import` (counts only)',
  {
    200: page(
      'The import result: created, confirmed, pending, skipped as existing, suppressed, duplicate or invalid',
    ),
  },
  {
    description: `The held list is used up by this request: a repeat, another account or another list gets 410. ${who}`,
    params: z.strictObject({
      id: idParams.shape.id,
      previewId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{22}$/)
        .meta({ description: 'From the preview page' }),
    }),
    statuses: [404, 410, 503],
  },
);

// ---- segments ----

const segmentExample = {
  _csrf: CSRF_EXAMPLE,
  name: 'Vereine in Nürtingen',
  actorTypes: ['verein'],
  municipalities: ['nuertingen'],
  fieldsOfAction: [],
  aktion: 'speichern',
};
const segmentDescription =
  '`aktion=zaehlen` answers the form again (200) with the number of people the filter reaches, counted on ' +
  'the server, and saves nothing; `speichern` saves. ';
get(`${CN}/listen/:id/segmente`, 'A list’s segments, each with the number of people it reaches', {
  params: idParams,
  statuses: [404],
});
get(`${CN}/listen/:id/segmente/neu`, 'New segment: the form', { params: idParams, statuses: [404] });
post(
  `${CN}/listen/:id/segmente/neu`,
  'Count or create a segment; audited as `newsletter.segment.create`',
  { 303: redirect(`${CN}/listen/{id}/segmente?erledigt=angelegt`), 200: page('The form with the count') },
  {
    description: segmentDescription + who,
    params: idParams,
    body: formBody(segmentForm),
    bodyExample: segmentExample,
    statuses: [400, 404],
  },
);
get(`${CN}/segmente/:id`, 'A segment: the form with its current count', {
  params: idParams,
  query: z.object({ erledigt: z.enum(['angelegt', 'gespeichert']).optional() }),
  statuses: [404],
});
post(
  `${CN}/segmente/:id`,
  'Count or save a segment; audited as `newsletter.segment.update`',
  { 303: redirect(`${CN}/segmente/{id}?erledigt=gespeichert`), 200: page('The form with the count') },
  {
    description: segmentDescription + who,
    params: idParams,
    body: formBody(segmentForm),
    bodyExample: segmentExample,
    statuses: [400, 404],
  },
);
get(`${CN}/segmente/:id/loeschen`, 'Delete a segment: the confirmation', {
  params: idParams,
  statuses: [404],
});
post(
  `${CN}/segmente/:id/loeschen`,
  'Delete a segment; audited as `newsletter.segment.delete`',
  { 303: redirect(`${CN}/listen/{listId}/segmente?erledigt=geloescht`) },
  {
    description: `A segment that an unfinished campaign targets is not deleted: the confirmation again (409) names the campaigns. ${who}`,
    params: idParams,
    statuses: [404, 409],
  },
);
