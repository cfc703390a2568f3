import { documentRoute, type ApiResponse } from '@qn/http';
import {
  createEventInput,
  importInput,
  listQuery,
  onBehalfInput,
  registrationInput,
  updateEventInput,
} from './event-input';
import {
  attendeeCountsView,
  attendeeExample,
  attendeeList,
  attendeeParams,
  attendeeView,
  countsExample,
  eventBodyExample,
  eventExample,
  eventIdParams,
  eventPage,
  importAnswer,
  manageActionAnswer,
  manageTokenParams,
  manageView,
  onBehalfAnswer,
  publicEventView,
  registrationAnswer,
  registrationExample,
} from './events-api-schemas';
import './rectify-api-docs';

/** The /api/events routes in the OpenAPI document, with the schemas the handlers parse with. */
const tags = ['Veranstaltungen'];
const base = '/api/events';

const eventAnswer = (description: string, example: unknown = eventExample): ApiResponse => ({
  description,
  schema: publicEventView,
  example,
});

// ---- public ----

documentRoute({
  method: 'get',
  path: base,
  summary:
    'Published events, upcoming by default: filter by time, municipality, field of action, kind, words',
  description: 'Sorted by start. `q` matches word beginnings in title, description and venue.',
  tags,
  auth: 'public',
  query: listQuery,
  responses: {
    200: {
      description: 'One page of events and the total of the same filter',
      schema: eventPage,
      example: { items: [eventExample], total: 1, page: 1, pageSize: 20 },
    },
  },
  errors: [400],
});

documentRoute({
  method: 'get',
  path: `${base}/:eventId`,
  summary: 'One event with the seats left',
  description:
    'Published and cancelled events are public; a draft is 404 except for its organisers and admins (bearer token).',
  tags,
  auth: 'public',
  params: eventIdParams,
  responses: { 200: eventAnswer('The event') },
  errors: [404],
});

documentRoute({
  method: 'post',
  path: `${base}/:eventId/registrations`,
  summary: 'Register oneself (with companions): confirmed while seats are free, else on the waiting list',
  description:
    'The answer is built from the request alone and is the same for a new address, one registered already ' +
    "and one that cancelled before: it reveals nobody's registration. `status` is what this request's seat " +
    'claim came to. A mail follows: the confirmation (or waiting-list note) with the manage link, or, for an ' +
    'address registered already, a note to its owner with their manage link (at most one a day); nothing changes. ' +
    "`answers` answers the event's `questions` by id (yes/no as booleans); a missing required answer, an " +
    'unknown option or question, or a text over 500 characters is 400 naming `answers.<questionId>`, and nothing is stored. ' +
    '409: fully booked without a waiting list; ' +
    '410: the event was cancelled or has begun; 422: the registration window is not open (yet or any more); ' +
    '429: more than RATE_LIMIT_PER_IP registrations from one client or RATE_LIMIT_PER_EMAIL for one address in the window.',
  tags,
  auth: 'public',
  params: eventIdParams,
  body: registrationInput,
  bodyExample: {
    name: 'Erika Mustermann',
    email: 'erika@example.org',
    organisation: 'Seniorenrat Köngen',
    companions: 1,
    consent: true,
  },
  responses: {
    201: {
      description: "Received (`status`: confirmed or waitlisted, as this request's seat claim came to)",
      schema: registrationAnswer,
      example: {
        registration: {
          eventId: registrationExample.eventId,
          status: 'confirmed',
          name: registrationExample.name,
          email: registrationExample.email,
          organisation: registrationExample.organisation,
          companions: registrationExample.companions,
        },
      },
    },
  },
  errors: [400, 404, 409, 410, 422, 429, 503],
});

documentRoute({
  method: 'get',
  path: `${base}/manage/:token`,
  summary: 'The registration behind a manage link, with its event',
  tags,
  auth: 'public',
  params: manageTokenParams,
  responses: {
    200: {
      description: 'The registration and the event',
      schema: manageView,
      example: { registration: registrationExample, event: eventExample },
    },
  },
  errors: [404],
});

documentRoute({
  method: 'post',
  path: `${base}/manage/:token/cancel`,
  summary: 'Cancel one’s own registration (or leave the waiting list); frees the seats for the waiting list',
  description: 'Idempotent: a cancelled registration answers 200 unchanged.',
  tags,
  auth: 'public',
  params: manageTokenParams,
  responses: {
    200: {
      description: 'The cancelled registration',
      schema: manageActionAnswer,
      example: { registration: { ...registrationExample, status: 'cancelled' } },
    },
  },
  errors: [404, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/manage/:token/accept`,
  summary: 'Accept a seat offered from the waiting list while the offer stands',
  description: 'A confirmed registration answers 200 unchanged; an expired or withdrawn offer is 410.',
  tags,
  auth: 'public',
  params: manageTokenParams,
  responses: {
    200: {
      description: 'The confirmed registration',
      schema: manageActionAnswer,
      example: { registration: registrationExample },
    },
  },
  errors: [404, 410, 503],
});

// ---- organisers and admins ----

documentRoute({
  method: 'post',
  path: base,
  summary: 'Create an event (as a draft)',
  description:
    'Organisers create for their own organisation (`organisationId` may be left out); admins must name it.',
  tags,
  auth: 'organiser',
  body: createEventInput,
  bodyExample: eventBodyExample,
  responses: {
    201: eventAnswer('The new draft', { ...eventExample, seatsLeft: 40, status: 'draft', sequence: 0 }),
  },
  errors: [400, 401, 403, 503],
});

documentRoute({
  method: 'patch',
  path: `${base}/:eventId`,
  summary: 'Change an event; calendar-relevant changes raise its SEQUENCE and notify the registrants',
  description:
    'A raised capacity promotes from the waiting list; lowering it below the seats held is 409. A cancelled event is 410.',
  tags,
  auth: 'organiser',
  params: eventIdParams,
  body: updateEventInput,
  bodyExample: { capacity: 50, startsAt: '2026-12-03T15:30:00.000Z' },
  responses: {
    200: eventAnswer('The changed event', { ...eventExample, capacity: 50, seatsLeft: 22, sequence: 2 }),
  },
  errors: [400, 401, 403, 404, 409, 410, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:eventId/publish`,
  summary: 'Publish a draft (idempotent for a published event)',
  tags,
  auth: 'organiser',
  params: eventIdParams,
  responses: { 200: eventAnswer('The published event') },
  errors: [401, 403, 404, 410, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:eventId/cancel`,
  summary: 'Cancel an event: no more registrations, every registrant is told (METHOD:CANCEL)',
  tags,
  auth: 'organiser',
  params: eventIdParams,
  responses: {
    200: eventAnswer('The cancelled event', { ...eventExample, status: 'cancelled', sequence: 2 }),
  },
  errors: [401, 403, 404, 503],
});

documentRoute({
  method: 'get',
  path: `${base}/:eventId/attendees`,
  summary:
    'The attendee list: confirmed, offers, the waiting list in its order, then the cancelled; with counts',
  tags,
  auth: 'organiser',
  params: eventIdParams,
  responses: {
    200: {
      description: 'Attendees and counts',
      schema: attendeeList,
      example: { items: [attendeeExample], counts: countsExample },
    },
  },
  errors: [401, 403, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/:eventId/attendees/export`,
  summary: 'The attendee list as CSV (a download; audited)',
  tags,
  auth: 'organiser',
  params: eventIdParams,
  responses: {
    200: {
      description: 'CSV in UTF-8, `Content-Disposition: attachment`, times in the office’s time zone',
      contentType: 'text/csv',
    },
  },
  errors: [401, 403, 404],
});

documentRoute({
  method: 'get',
  path: `${base}/:eventId/counts`,
  summary: 'Seats, registrations, check-ins and no-shows, counted from the records',
  tags,
  auth: 'organiser',
  params: eventIdParams,
  responses: { 200: { description: 'The counts', schema: attendeeCountsView, example: countsExample } },
  errors: [401, 403, 404],
});

documentRoute({
  method: 'post',
  path: `${base}/:eventId/attendees`,
  summary: 'Register someone on their behalf (e.g. a phone call; consent given orally)',
  description:
    '`ignoreWindow` registers outside the registration window. The same address twice answers 200 with the existing attendee. ' +
    'Without `email`, a `phone` or `postalAddress` is required (else 400): such a registration gets no mails, has no ' +
    'repeat check and counts for seats and the waiting list like any other.',
  tags,
  auth: 'organiser',
  params: eventIdParams,
  body: onBehalfInput,
  bodyExample: { name: 'Hans Beispiel', email: 'hans@example.org', consent: true, ignoreWindow: true },
  responses: {
    201: {
      description: 'Registered',
      schema: onBehalfAnswer,
      example: { attendee: { ...attendeeExample, source: 'organiser' }, existing: false },
    },
    200: {
      description: 'Already registered with this address',
      schema: onBehalfAnswer,
      example: { attendee: attendeeExample, existing: true },
    },
  },
  errors: [400, 401, 403, 404, 409, 410, 422, 503],
});

documentRoute({
  method: 'post',
  path: `${base}/:eventId/attendees/import`,
  summary:
    'Import attendees from CSV (name, email, organisation, companions, phone, postalAddress); the organiser confirms consent',
  description:
    'A malformed CSV is 400 naming its lines; a valid row that cannot be registered is reported in `rejected` and the others go ahead. ' +
    'Headers in German (Name, E-Mail, Organisation, Begleitung, Telefon, Anschrift) or as keys; a row needs an email, phone or ' +
    'postal address. People already registered (by address; without one, by name and phone) count as `existing`, so a ' +
    'repeated import registers nobody twice. At most 2,000 rows.',
  tags,
  auth: 'organiser',
  params: eventIdParams,
  body: importInput,
  bodyExample: {
    csv: 'name,email,organisation,companions\nErika Mustermann,erika@example.org,Seniorenrat Köngen,1\n',
    consent: true,
  },
  responses: {
    200: {
      description: 'What the import did, row by row',
      schema: importAnswer,
      example: {
        created: 1,
        existing: 0,
        confirmed: 1,
        waitlisted: 0,
        rejected: [{ line: 3, errors: [{ field: 'email', message: 'Invalid email address' }] }],
      },
    },
  },
  errors: [400, 401, 403, 404, 410, 503],
});

const checkIn = (method: 'post' | 'delete', summary: string, example: unknown) =>
  documentRoute({
    method,
    path: `${base}/:eventId/attendees/:registrationId/check-in`,
    summary,
    description: 'Only confirmed registrations (else 409). Idempotent.',
    tags,
    auth: 'organiser',
    params: attendeeParams,
    responses: { 200: { description: 'The attendee', schema: attendeeView, example } },
    errors: [401, 403, 404, 409, 503],
  });
checkIn('post', 'Check an attendee in (present)', {
  ...attendeeExample,
  checkedInAt: '2026-12-03T15:55:00.000Z',
});
checkIn('delete', 'Undo a check-in', attendeeExample);

documentRoute({
  method: 'post',
  path: `${base}/:eventId/attendees/:registrationId/cancel`,
  summary: 'Cancel an attendee’s registration; frees the seats for the waiting list',
  description: 'Idempotent: a cancelled registration answers 200 unchanged.',
  tags,
  auth: 'organiser',
  params: attendeeParams,
  responses: {
    200: {
      description: 'The cancelled attendee',
      schema: attendeeView,
      example: { ...attendeeExample, status: 'cancelled' },
    },
  },
  errors: [401, 403, 404, 503],
});
