import { z } from 'zod';
import {
  APPLICANT_TYPE_KEYS,
  FIELD_OF_ACTION_KEYS,
  FUNDING_PROVIDER_KEYS,
  MUNICIPALITY_KEYS,
} from '@qn/domain';
import { OPEN_END } from '@qn/funding';

/**
 * What the funding routes answer, for the OpenAPI document (the requests are documented with
 * the schemas the handlers parse with; these describe the JSON views the handlers build).
 */
const dateTime = z.iso.datetime();
const calendarDate = z.iso.date();

export const programmeView = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.enum(FUNDING_PROVIDER_KEYS),
  providerName: z.string(),
  programmeLine: z.string().optional(),
  summary: z.string(),
  description: z.string().optional(),
  fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)),
  applicantTypes: z.array(z.enum(APPLICANT_TYPE_KEYS)),
  region: z.object({
    scope: z.enum(['state', 'county', 'municipalities']),
    municipalities: z.array(z.enum(MUNICIPALITY_KEYS)),
  }),
  amount: z
    .object({ min: z.number().optional(), max: z.number().optional(), note: z.string().optional() })
    .optional(),
  fundingRatePercent: z.number().optional(),
  fundingRateNote: z.string().optional(),
  opensOn: calendarDate.optional(),
  deadlines: z.array(calendarDate),
  rolling: z.boolean(),
  openUntil: calendarDate.describe(`The last deadline, or ${OPEN_END} for rolling programmes`),
  links: z
    .array(z.object({ label: z.string(), url: z.string() }))
    .describe('The first is the official source'),
  contact: z
    .object({
      name: z.string().optional(),
      organisation: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
    })
    .optional(),
  status: z.enum(['draft', 'published', 'archived']),
  publishedAt: dateTime.optional(),
  archivedAt: dateTime.optional(),
  reviewedAt: dateTime,
  createdAt: dateTime,
  updatedAt: dateTime,
  openNow: z.boolean().describe("Derived from the dates and today's date in Berlin"),
  nextDeadline: calendarDate.nullable(),
});

export const programmeExample = {
  id: 'demo-quartiersimpulse',
  title: 'Quartiersimpulse – Beratung und Prozessbegleitung',
  provider: 'land',
  providerName: 'Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg',
  programmeLine: 'Quartier 2030 – Gemeinsam.Gestalten',
  summary:
    'Fördert Kommunen und zivilgesellschaftliche Akteure, die ein lebendiges, alternsgerechtes Quartier aufbauen.',
  fieldsOfAction: ['teilhabe', 'engagement', 'wohnen'],
  applicantTypes: ['kommune', 'verein', 'wohlfahrt'],
  region: { scope: 'state', municipalities: [] },
  amount: { min: 10000, max: 100000 },
  fundingRatePercent: 80,
  deadlines: ['2027-01-15', '2027-07-15'],
  rolling: false,
  openUntil: '2027-07-15',
  links: [{ label: 'Offizielle Ausschreibung', url: 'https://example.org/foerderung/quartiersimpulse' }],
  contact: { organisation: 'Allianz für Beteiligung e.V.', email: 'quartier@example.org' },
  status: 'published',
  publishedAt: '2026-11-02T09:00:00.000Z',
  reviewedAt: '2026-11-02T09:00:00.000Z',
  createdAt: '2026-11-01T15:30:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  openNow: true,
  nextDeadline: '2027-01-15',
};

export const programmePage = z.object({
  items: z.array(programmeView),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  today: calendarDate.describe('The date in Berlin the search was run for'),
});

export const updatedProgramme = programmeView.extend({
  change: z
    .enum(['deadline-changed', 'new-round'])
    .nullable()
    .describe(
      'What subscribers were alerted about, if the application window of a published programme moved',
    ),
});

export const reviewDueAnswer = z.object({
  olderThanDays: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      provider: z.enum(FUNDING_PROVIDER_KEYS),
      reviewedAt: dateTime,
      openUntil: calendarDate,
    }),
  ),
});

export const brokenLinksAnswer = z.object({
  items: z.array(
    z.object({
      programmeId: z.string(),
      title: z.string(),
      url: z.string(),
      httpStatus: z.number().int().optional(),
      error: z.string().optional(),
      checkedAt: dateTime,
      failingSince: dateTime.optional(),
    }),
  ),
});

export const subscribeAnswer = z.object({ status: z.literal('pending'), detail: z.string() });

const subscriptionStatus = z.enum(['pending', 'confirmed', 'unsubscribed', 'ended']);
export const statusAnswer = z.object({ status: subscriptionStatus });

export const subscriptionView = z.object({
  email: z.string(),
  status: subscriptionStatus,
  filters: z.object({
    fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)),
    applicantTypes: z.array(z.enum(APPLICANT_TYPE_KEYS)),
    municipalities: z.array(z.enum(MUNICIPALITY_KEYS)),
    providers: z.array(z.enum(FUNDING_PROVIDER_KEYS)),
    keywords: z.array(z.string()),
  }),
  frequency: z.enum(['immediate', 'weekly']),
  reminders: z.boolean(),
  confirmedAt: dateTime.optional(),
});

export const subscriptionExample = {
  email: 'erika@example.org',
  status: 'confirmed',
  filters: {
    fieldsOfAction: ['pflege', 'teilhabe'],
    applicantTypes: ['verein'],
    municipalities: ['esslingen-am-neckar'],
    providers: [],
    keywords: ['quartier'],
  },
  frequency: 'weekly',
  reminders: true,
  confirmedAt: '2026-11-20T18:04:11.000Z',
};

/** RFC 8058: what a mail client posts to the List-Unsubscribe URL. The handler needs no body. */
export const oneClickBody = z.object({ 'List-Unsubscribe': z.literal('One-Click') });

/** A page for browsers (German, no scripts; forms post back to the same URL). */
export const htmlPage = z.string();
