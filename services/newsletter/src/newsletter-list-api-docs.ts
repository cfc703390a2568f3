import { documentRoute } from '@qn/http';
import {
  addSubscriberInput,
  audienceInput,
  idParam,
  importQuery,
  listInput,
  listPatch,
  segmentInput,
  segmentPatch,
  subscriberIdParam,
  subscriberPatch,
  subscribersQuery,
} from './inputs';
import {
  countAnswer,
  csvText,
  importReport,
  listExample,
  listsAnswer,
  listView,
  segmentExample,
  segmentsAnswer,
  segmentView,
  subscriberExample,
  subscriberPage,
  subscriberView,
} from './newsletter-api-schemas';

/** The admin routes for lists, subscribers and segments in the OpenAPI document. */
const base = '/api/newsletter';
const lists = ['Newsletter: Listen'];
const subscribers = ['Newsletter: Abonnenten'];
const segments = ['Newsletter: Segmente'];
const list = { description: 'The list', schema: listView, example: listExample };
const subscriber = { description: 'The subscriber', schema: subscriberView, example: subscriberExample };
const segment = { description: 'The segment', schema: segmentView, example: segmentExample };
const deleted = { 204: { description: 'Deleted' } };
/** Every writer of one address waits for that address's Redis lock: busy or Redis down is 503. */
const locked = 503;

documentRoute({
  method: 'get',
  path: `${base}/lists`,
  summary: 'All lists, by name',
  tags: lists,
  auth: 'admin',
  responses: { 200: { description: 'The lists', schema: listsAnswer, example: { items: [listExample] } } },
  errors: [401, 403],
});

documentRoute({
  method: 'post',
  path: `${base}/lists`,
  summary: 'Create a list (with an optional welcome mail after the opt-in)',
  tags: lists,
  auth: 'admin',
  body: listInput,
  bodyExample: {
    name: 'Quartiersnewsletter Landkreis Esslingen',
    description: 'Neues aus den Quartieren, Termine und Förderprogramme, einmal im Monat.',
    lang: 'de',
    welcome: { enabled: true, subject: 'Willkommen', bodyMarkdown: 'Schön, dass Sie dabei sind!' },
  },
  responses: { 201: { ...list, description: 'Created' } },
  errors: [400, 401, 403],
});

documentRoute({
  method: 'get',
  path: `${base}/lists/:id`,
  summary: 'One list',
  tags: lists,
  auth: 'admin',
  params: idParam,
  responses: { 200: list },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'patch',
  path: `${base}/lists/:id`,
  summary: 'Change a list',
  tags: lists,
  auth: 'admin',
  params: idParam,
  body: listPatch,
  bodyExample: { welcome: { enabled: false } },
  responses: { 200: { ...list, description: 'The changed list' } },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'delete',
  path: `${base}/lists/:id`,
  summary: 'Delete a list with its subscribers and segments (the suppression list stays)',
  tags: lists,
  auth: 'admin',
  params: idParam,
  responses: deleted,
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/lists/:id/subscribers`,
  summary: 'The subscribers of a list, a page at a time',
  tags: subscribers,
  auth: 'admin',
  params: idParam,
  query: subscribersQuery,
  responses: {
    200: {
      description: 'One page and the total of the filter',
      schema: subscriberPage,
      example: { total: 1, items: [subscriberExample] },
    },
  },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/lists/:id/subscribers`,
  summary: 'Add one address: confirmed with a documented consent, otherwise pending with a confirmation mail',
  description:
    'A suppressed address (unsubscribed, bounced, complained) is refused with 409: only a new sign-up the person confirms lifts that.',
  tags: subscribers,
  auth: 'admin',
  params: idParam,
  body: addSubscriberInput,
  bodyExample: {
    email: 'erika@example.org',
    name: 'Erika Mustermann',
    attributes: { municipality: 'nuertingen', actorType: 'verein', fieldsOfAction: ['teilhabe'] },
    consent: { at: '2026-11-20T09:00:00+01:00', method: 'admin' },
  },
  responses: { 201: { ...subscriber, description: 'Added' } },
  errors: [400, 401, 403, 404, 409, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/lists/:id/import`,
  summary: 'Import subscribers from a CSV file (header line with an `email` column)',
  description:
    'Body: the CSV as `text/csv` (up to 20 MB). Columns (German aliases accepted): `email`, `name`, `lang`, `municipality`, `actor_type`, `fields_of_action` (`;`-separated), `consent_at`, `consent_text_version`; the other columns of the export are ignored, so an export can be imported again. `mode=consented` imports documented consents as confirmed; `mode=pending` sends each new address a confirmation mail. Suppressed addresses are left out; rows with errors are reported, not imported.',
  tags: subscribers,
  auth: 'admin',
  params: idParam,
  query: importQuery,
  body: csvText,
  bodyContentType: 'text/csv',
  bodyExample: 'email,name,municipality\nerika@example.org,Erika Mustermann,nuertingen\n',
  responses: {
    200: {
      description: 'What the import did',
      schema: importReport,
      example: {
        rows: 3,
        created: 1,
        confirmed: 1,
        pending: 0,
        existing: 1,
        suppressed: 0,
        duplicateInFile: 0,
        invalid: [{ line: 4, errors: ['email: invalid address'] }],
      },
    },
  },
  errors: [400, 401, 403, 404, 413, 503],
});

documentRoute({
  method: 'get',
  path: `${base}/lists/:id/export`,
  summary: 'Export the subscribers of a list as CSV (streamed; audited)',
  tags: subscribers,
  auth: 'admin',
  params: idParam,
  responses: {
    200: {
      description: 'The CSV file as a download',
      contentType: 'text/csv',
      schema: csvText,
      example:
        'email,name,status,lang,municipality,actor_type,fields_of_action,consent_at,consent_method,consent_text_version,confirmed_at,created_at\nerika@example.org,Erika Mustermann,confirmed,de,nuertingen,verein,teilhabe,2026-11-20T08:00:00.000Z,admin,newsletter-2026-11-25,2026-11-20T09:00:00.000Z,2026-11-20T09:00:00.000Z\n',
    },
  },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/subscribers/:id`,
  summary: 'One subscriber (one address on one list)',
  tags: subscribers,
  auth: 'admin',
  params: subscriberIdParam,
  responses: { 200: subscriber },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'patch',
  path: `${base}/subscribers/:id`,
  summary: 'Change name, language or attributes; null clears a field',
  tags: subscribers,
  auth: 'admin',
  params: subscriberIdParam,
  body: subscriberPatch,
  bodyExample: { name: null, attributes: { municipality: 'koengen' } },
  responses: { 200: { ...subscriber, description: 'The changed subscriber' } },
  errors: [400, 401, 403, 404, locked],
});

documentRoute({
  method: 'post',
  path: `${base}/subscribers/:id/unsubscribe`,
  summary: 'Unsubscribe an address on the person’s behalf (it is then suppressed for every list)',
  tags: subscribers,
  auth: 'admin',
  params: subscriberIdParam,
  responses: {
    200: {
      ...subscriber,
      description: 'The subscriber, now unsubscribed',
      example: { ...subscriberExample, status: 'unsubscribed', unsubscribedAt: '2026-11-25T10:00:00.000Z' },
    },
  },
  errors: [400, 401, 403, 404, locked],
});

documentRoute({
  method: 'delete',
  path: `${base}/subscribers/:id`,
  summary: 'Remove one list record (a suppression of the address stays)',
  tags: subscribers,
  auth: 'admin',
  params: subscriberIdParam,
  responses: deleted,
  errors: [400, 401, 403, 404, locked],
});

documentRoute({
  method: 'get',
  path: `${base}/lists/:id/segments`,
  summary: 'The segments of a list',
  tags: segments,
  auth: 'admin',
  params: idParam,
  responses: {
    200: { description: 'Segments, by name', schema: segmentsAnswer, example: { items: [segmentExample] } },
  },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/lists/:id/segments`,
  summary: 'Create a segment: subscribers of the list by municipality, actor type, field of action',
  description: 'Within one dimension any value matches; across dimensions all must. Empty = any.',
  tags: segments,
  auth: 'admin',
  params: idParam,
  body: segmentInput,
  bodyExample: {
    name: 'Vereine in Nürtingen',
    filter: { municipalities: ['nuertingen'], actorTypes: ['verein'] },
  },
  responses: { 201: { ...segment, description: 'Created' } },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/segments/:id`,
  summary: 'One segment',
  tags: segments,
  auth: 'admin',
  params: idParam,
  responses: { 200: segment },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'patch',
  path: `${base}/segments/:id`,
  summary: 'Rename a segment or change its filter (the given dimensions replace the old ones)',
  tags: segments,
  auth: 'admin',
  params: idParam,
  body: segmentPatch,
  bodyExample: { filter: { fieldsOfAction: ['pflege'] } },
  responses: { 200: { ...segment, description: 'The changed segment' } },
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'delete',
  path: `${base}/segments/:id`,
  summary: 'Delete a segment',
  tags: segments,
  auth: 'admin',
  params: idParam,
  responses: deleted,
  errors: [400, 401, 403, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/audience/count`,
  summary: 'How many addresses an audience (lists, optionally one segment of one list) reaches now',
  tags: segments,
  auth: 'admin',
  body: audienceInput,
  bodyExample: { listIds: ['k3Jx9QeWm2'], segmentId: 'Zp4sL0aQ7c' },
  responses: { 200: { description: 'The count', schema: countAnswer, example: { count: 412 } } },
  errors: [400, 401, 403],
});
