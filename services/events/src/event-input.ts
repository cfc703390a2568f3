import { z } from 'zod';
import { EVENT_KIND_KEYS, FIELD_OF_ACTION_KEYS, MUNICIPALITY_KEYS } from '@qn/domain';

const text = (max: number) => z.string().trim().min(1).max(max);
// Coerced from the JSON string; the meta gives the OpenAPI document its wire type.
const date = z.coerce.date().meta({ type: 'string', format: 'date-time', description: 'ISO 8601' });

const venue = z.strictObject({
  name: text(200),
  street: text(200).optional(),
  postalCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  city: text(100).optional(),
});

const eventShape = {
  title: text(200),
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
  audience: text(500).optional(),
  contact: z.strictObject({ name: text(200), email: z.email().max(254), phone: text(50).optional() }),
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
  name: text(200),
  email: z.email().max(254),
  organisation: text(200).optional(),
  accessibilityNeeds: text(1_000).optional(),
  companions: z.number().int().min(0).max(10).default(0),
  /** The registrant agrees to the consent text (CONSENT_TEXT_VERSION). */
  consent: z.literal(true, { error: 'consent is required' }),
});

/** On someone's behalf (a phone call): the organiser records that consent was given orally. */
export const onBehalfInput = registrationInput.extend({ ignoreWindow: z.boolean().default(false) });

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
