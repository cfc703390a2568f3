import { z } from 'zod';
import { EVENT_KIND_KEYS, FIELD_OF_ACTION_KEYS, MUNICIPALITY_KEYS, textProblem } from '@qn/domain';

const clean = (kind: 'line' | 'text', max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((v, ctx) => {
      const problem = textProblem(v, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
/** One line: names, titles, places (they end up in mail headers, CSV rows, calendar lines). */
const line = (max: number) => clean('line', max);
/** Text that may run over several lines (descriptions, accessibility notes). */
const text = (max: number) => clean('text', max);
/**
 * An instant as ISO 8601 with its offset (`Z` or `+01:00`): a time without one would be read
 * as UTC, an hour or two off for the office. Real calendar dates only (no 30 February), in
 * years an event can have.
 */
const date = z.iso
  .datetime({ offset: true, error: 'expected ISO 8601 with offset, e.g. 2027-03-01T10:00:00+01:00' })
  .transform((v) => new Date(v))
  .pipe(
    z
      .date()
      .min(new Date('2000-01-01T00:00:00Z'), 'must be in the years 2000 to 2100')
      .max(new Date('2100-12-31T23:59:59Z'), 'must be in the years 2000 to 2100'),
  );

const venue = z.strictObject({
  name: line(200),
  street: line(200).optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  city: line(100).optional(),
});

export const eventShape = {
  title: line(200),
  description: text(10_000),
  kind: z.enum(EVENT_KIND_KEYS),
  fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)).min(1).max(9),
  municipality: z.enum(MUNICIPALITY_KEYS),
  venue,
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  startsAt: date,
  endsAt: date,
  capacity: z.number().int().min(1).max(10_000),
  waitlistEnabled: z.boolean().default(true),
  promotionMode: z.enum(['automatic', 'offer']).default('automatic'),
  offerHours: z
    .number()
    .int()
    .min(1)
    .max(14 * 24)
    .default(48),
  maxCompanions: z.number().int().min(0).max(10).default(0),
  registrationOpensAt: date.optional(),
  registrationClosesAt: date.optional(),
  audience: line(500).optional(),
  contact: z.strictObject({ name: line(200), email: z.email().max(254), phone: line(50).optional() }),
  accessibility: text(2_000).optional(),
  reminderOffsetsMinutes: z
    .array(
      z
        .number()
        .int()
        .min(5)
        .max(60 * 24 * 30),
    )
    .max(5)
    .default([24 * 60]),
};

export const createEventInput = z.strictObject({
  ...eventShape,
  /** Admins name the organisation; organisers always create for their own. */
  organisationId: z.string().min(1).max(100).optional(),
});

export const updateEventInput = z
  .strictObject({
    title: eventShape.title,
    description: eventShape.description,
    kind: eventShape.kind,
    fieldsOfAction: eventShape.fieldsOfAction,
    municipality: eventShape.municipality,
    venue,
    onlineUrl: eventShape.onlineUrl,
    startsAt: date,
    endsAt: date,
    capacity: eventShape.capacity,
    waitlistEnabled: z.boolean(),
    promotionMode: z.enum(['automatic', 'offer']),
    offerHours: z
      .number()
      .int()
      .min(1)
      .max(14 * 24),
    maxCompanions: z.number().int().min(0).max(10),
    registrationOpensAt: date,
    registrationClosesAt: date,
    audience: eventShape.audience,
    contact: eventShape.contact,
    accessibility: eventShape.accessibility,
    reminderOffsetsMinutes: z
      .array(
        z
          .number()
          .int()
          .min(5)
          .max(60 * 24 * 30),
      )
      .max(5),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { message: 'nothing to change' });

export const registrationInput = z.strictObject({
  name: line(200),
  email: z.email().max(254),
  organisation: line(200).optional(),
  accessibilityNeeds: text(1_000).optional(),
  companions: z.number().int().min(0).max(10).default(0),
  /**
   * Answers to the event's questions (its `questions`) by question id: text and the chosen
   * option as strings, yes/no as booleans. The domain checks them against the questions
   * (required, options, 500 characters) and names the field `answers.<questionId>`.
   */
  answers: z.record(z.string().max(20), z.union([z.string().max(2_000), z.boolean()])).optional(),
  /** The registrant agrees to the consent text (CONSENT_TEXT_VERSION). */
  consent: z.literal(true, { error: 'consent is required' }),
});

/**
 * On someone's behalf (a phone call): the organiser records that consent was given orally. An
 * address, or else a phone number or postal address (the domain requires one of the three).
 */
export const onBehalfInput = registrationInput.extend({
  email: z.email().max(254).optional(),
  phone: line(30).optional(),
  postalAddress: text(300).optional(),
  ignoreWindow: z.boolean().default(false),
});

export const importInput = z.strictObject({
  csv: z.string().min(1).max(500_000),
  consent: z.literal(true, { error: 'the organiser confirms every listed person consented' }),
});

export const listQuery = z.strictObject({
  from: date.optional(),
  to: date.optional(),
  municipality: z.enum(MUNICIPALITY_KEYS).optional(),
  fieldOfAction: z.enum(FIELD_OF_ACTION_KEYS).optional(),
  kind: z.enum(EVENT_KIND_KEYS).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'not an id');
export const manageToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a token');

/** An event's questions, the whole list in order: a question without `id` is a new one. */
export const questionsInput = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        id: z.string().max(20).optional(),
        label: z.string().max(1_000),
        type: z.enum(['text', 'choice', 'yesno']),
        required: z.boolean().default(false),
        options: z.array(z.string().max(1_000)).max(50).optional(),
      }),
    )
    .max(50),
});
