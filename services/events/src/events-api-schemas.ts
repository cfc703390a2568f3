import { z } from 'zod';
import { EVENT_KIND_KEYS, FIELD_OF_ACTION_KEYS, MUNICIPALITY_KEYS } from '@qn/domain';
import { manageToken, objectId } from './event-input';

/**
 * The events API's answers as zod schemas for the OpenAPI document: what the handlers send
 * (`publicEventOf`, `registrationView`, `attendeeOf`, `attendeeCounts`) on the wire, dates as
 * ISO 8601 strings.
 */
const instant = z.iso.datetime();
const count = z.number().int().min(0);
const registrationStatus = z.enum(['confirmed', 'waitlisted', 'offered', 'cancelled', 'offer-expired']);

export const eventIdParams = z.strictObject({ eventId: objectId });

/** A question the event asks at registration; `options` only for `choice`. */
export const questionView = z.object({
  id: z.string(),
  label: z.string(),
  type: z.enum(['text', 'choice', 'yesno']),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
});

/** An answer as stored, with the question's label as it was asked. */
export const answerView = z.object({
  questionId: z.string(),
  label: z.string(),
  type: z.enum(['text', 'choice', 'yesno']),
  value: z.string().describe('The text, the chosen option, or `yes` / `no`'),
});
export const manageTokenParams = z.strictObject({ token: manageToken });
export const attendeeParams = z.strictObject({ eventId: objectId, registrationId: objectId });

export const publicEventView = z.object({
  id: z.string(),
  organisationId: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(EVENT_KIND_KEYS),
  fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)),
  municipality: z.enum(MUNICIPALITY_KEYS),
  venue: z.object({
    name: z.string(),
    street: z.string().optional(),
    postalCode: z.string().optional(),
    city: z.string().optional(),
  }),
  online: z.boolean().describe('Whether one can join online; the link goes to confirmed attendees only'),
  onlineUrl: z.string().optional().describe("The meeting link: only in answers to the event's organisers"),
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int().min(1),
  seatsLeft: count,
  waitlistEnabled: z.boolean(),
  maxCompanions: count,
  registrationOpensAt: instant.optional(),
  registrationClosesAt: instant.optional(),
  audience: z.string().optional(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
  accessibility: z.string().optional(),
  status: z.enum(['draft', 'published', 'cancelled']),
  /** iCalendar SEQUENCE. */
  sequence: count,
  questions: z
    .array(questionView)
    .optional()
    .describe('Asked at registration: answers go in `answers` by question id'),
});

export const eventPage = z.object({
  items: z.array(publicEventView),
  total: count,
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});

export const registrationView = z.object({
  id: z.string(),
  eventId: z.string(),
  status: registrationStatus,
  name: z.string(),
  email: z.string(),
  organisation: z.string().optional(),
  accessibilityNeeds: z.string().optional(),
  answers: z.array(answerView).optional(),
  companions: count,
  /** Set while a seat from the waiting list is offered (promotion mode `offer`). */
  offerExpiresAt: instant.optional(),
});

/** The self-registration answer: what was sent plus this request's outcome, nothing stored. */
export const registrationAnswer = z.object({
  registration: z.object({
    eventId: z.string(),
    status: z.enum(['confirmed', 'waitlisted']),
    name: z.string(),
    email: z.string(),
    organisation: z.string().optional(),
    accessibilityNeeds: z.string().optional(),
    companions: count,
  }),
});

export const manageView = z.object({ registration: registrationView, event: publicEventView });
export const manageActionAnswer = z.object({ registration: registrationView });

export const attendeeView = z.object({
  id: z.string(),
  name: z.string(),
  /** Absent for someone an organiser registered by phone or letter without an address. */
  email: z.string().optional(),
  phone: z.string().optional(),
  postalAddress: z.string().optional(),
  organisation: z.string().optional(),
  accessibilityNeeds: z.string().optional(),
  answers: z.array(answerView).optional(),
  companions: count,
  status: registrationStatus,
  source: z.enum(['self', 'organiser', 'import']),
  registeredAt: instant,
  checkedInAt: instant.optional(),
  offerExpiresAt: instant.optional(),
});

export const attendeeCountsView = z.object({
  capacity: z.number().int().min(1),
  seatsTaken: count,
  seatsLeft: count,
  confirmed: count,
  confirmedSeats: count,
  offered: count,
  waitlisted: count,
  /** Cancelled and expired offers. */
  cancelled: count,
  attended: count,
  /** Confirmed but not checked in, once the event has begun (0 before). */
  noShows: count,
});

export const attendeeList = z.object({ items: z.array(attendeeView), counts: attendeeCountsView });
export const onBehalfAnswer = z.object({ attendee: attendeeView, existing: z.boolean() });

const fieldIssue = z.object({ field: z.string(), message: z.string() });
export const importAnswer = z.object({
  created: count,
  existing: count,
  confirmed: count,
  waitlisted: count,
  /** Rows that were not registered, by CSV line, with the reasons. */
  rejected: z.array(z.object({ line: z.number().int().min(1), errors: z.array(fieldIssue) })),
});

// ---- examples (they validate against the schemas above; the OpenAPI test checks) ----

export const eventBodyExample = {
  title: 'Vernetzungstreffen Quartiersarbeit',
  description: 'Austausch der Quartiersprojekte im Landkreis: Erfahrungen, Fragen, nächste Schritte.',
  kind: 'vernetzungstreffen',
  fieldsOfAction: ['teilhabe', 'wohnen'],
  municipality: 'esslingen-am-neckar',
  venue: {
    name: 'Landratsamt, Sitzungssaal 1',
    street: 'Pulverwiesen 11',
    postalCode: '73728',
    city: 'Esslingen',
  },
  startsAt: '2026-12-03T16:00:00.000Z',
  endsAt: '2026-12-03T18:00:00.000Z',
  capacity: 40,
  maxCompanions: 1,
  registrationClosesAt: '2026-12-01T23:00:00.000Z',
  contact: { name: 'Geschäftsstelle Quartiersnetz', email: 'quartiersnetz@example.org' },
  accessibility: 'Barrierefreier Zugang, Induktionsschleife vorhanden.',
};

export const eventExample = {
  id: '6750a1c2e4b0a1b2c3d4e5f6',
  organisationId: 'kreisseniorenrat',
  ...eventBodyExample,
  online: false,
  seatsLeft: 12,
  waitlistEnabled: true,
  status: 'published',
  sequence: 1,
};

export const registrationExample = {
  id: '6751b2d3e4b0a1b2c3d4e5f7',
  eventId: eventExample.id,
  status: 'confirmed',
  name: 'Erika Mustermann',
  email: 'erika@example.org',
  organisation: 'Seniorenrat Köngen',
  companions: 1,
};

export const attendeeExample = {
  id: registrationExample.id,
  name: 'Erika Mustermann',
  email: 'erika@example.org',
  organisation: 'Seniorenrat Köngen',
  companions: 1,
  status: 'confirmed',
  source: 'self',
  registeredAt: '2026-11-20T09:15:00.000Z',
};

export const countsExample = {
  capacity: 40,
  seatsTaken: 28,
  seatsLeft: 12,
  confirmed: 20,
  confirmedSeats: 28,
  offered: 0,
  waitlisted: 0,
  cancelled: 2,
  attended: 0,
  noShows: 0,
};
