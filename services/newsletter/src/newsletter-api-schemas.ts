import { z } from 'zod';
import { ACTOR_TYPE_KEYS, FIELD_OF_ACTION_KEYS, MUNICIPALITY_KEYS } from '@qn/domain';
import { CAMPAIGN_STATUSES, CONSENT_METHODS, SUBSCRIBER_STATUSES } from '@qn/newsletter';

/**
 * What the newsletter routes answer, for the OpenAPI document (the requests are documented
 * with the schemas in inputs.ts that the handlers parse with; these describe the JSON views).
 */
const dateTime = z.iso.datetime();
const lang = z.enum(['de', 'en']);
const at = '2026-11-20T09:00:00.000Z';

export const listView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  lang,
  welcome: z.object({
    enabled: z.boolean(),
    subject: z.string().optional(),
    bodyMarkdown: z.string().optional(),
  }),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export const listExample = {
  id: 'k3Jx9QeWm2',
  name: 'Quartiersnewsletter Landkreis Esslingen',
  description: 'Neues aus den Quartieren, Termine und Förderprogramme, einmal im Monat.',
  lang: 'de',
  welcome: { enabled: true, subject: 'Willkommen', bodyMarkdown: 'Schön, dass Sie dabei sind!' },
  createdAt: at,
  updatedAt: at,
};
export const listsAnswer = z.object({ items: z.array(listView) });

export const publicListView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  lang,
  consentText: z.object({ de: z.string(), en: z.string() }).describe('Show this next to the consent box'),
  consentTextVersion: z.string(),
});

export const subscribeAnswer = z.object({ status: z.literal('accepted'), message: z.string() });

export const subscriberView = z.object({
  id: z.string().describe('`<listId>:<address hash>`'),
  listId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  lang,
  status: z.enum(SUBSCRIBER_STATUSES),
  consent: z.object({
    at: dateTime.nullable(),
    requestedAt: dateTime.nullable(),
    method: z.enum(CONSENT_METHODS),
    textVersion: z.string(),
  }),
  attributes: z.object({
    municipality: z.enum(MUNICIPALITY_KEYS).nullable(),
    actorType: z.enum(ACTOR_TYPE_KEYS).nullable(),
    fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)),
  }),
  confirmedAt: dateTime.nullable(),
  unsubscribedAt: dateTime.nullable(),
  bouncedAt: dateTime.nullable(),
  complainedAt: dateTime.nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export const subscriberExample = {
  id: 'k3Jx9QeWm2:7d5a0c6f2b1e4f3a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b',
  listId: 'k3Jx9QeWm2',
  email: 'erika@example.org',
  name: 'Erika Mustermann',
  lang: 'de',
  status: 'confirmed',
  consent: { at, requestedAt: null, method: 'admin', textVersion: 'newsletter-2026-11-25' },
  attributes: { municipality: 'nuertingen', actorType: 'verein', fieldsOfAction: ['teilhabe'] },
  confirmedAt: at,
  unsubscribedAt: null,
  bouncedAt: null,
  complainedAt: null,
  createdAt: at,
  updatedAt: at,
};
export const subscriberPage = z.object({ total: z.number().int(), items: z.array(subscriberView) });

export const importReport = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  confirmed: z.number().int(),
  pending: z.number().int(),
  existing: z.number().int(),
  suppressed: z.number().int(),
  duplicateInFile: z.number().int(),
  invalid: z.array(z.object({ line: z.number().int(), errors: z.array(z.string()) })),
});

export const segmentView = z.object({
  id: z.string(),
  listId: z.string(),
  name: z.string(),
  filter: z.object({
    municipalities: z.array(z.enum(MUNICIPALITY_KEYS)),
    actorTypes: z.array(z.enum(ACTOR_TYPE_KEYS)),
    fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)),
  }),
});
export const segmentExample = {
  id: 'Zp4sL0aQ7c',
  listId: 'k3Jx9QeWm2',
  name: 'Vereine in Nürtingen',
  filter: { municipalities: ['nuertingen'], actorTypes: ['verein'], fieldsOfAction: [] },
};
export const segmentsAnswer = z.object({ items: z.array(segmentView) });
export const countAnswer = z.object({
  count: z.number().int().describe('Distinct confirmed addresses, suppressed ones left out'),
});

export const campaignView = z.object({
  id: z.string(),
  name: z.string(),
  subject: z.string(),
  preheader: z.string().nullable(),
  from: z.object({ name: z.string(), email: z.string() }),
  replyTo: z.string().nullable(),
  bodyMarkdown: z.string(),
  template: z.string().nullable(),
  lang,
  audience: z.object({ listIds: z.array(z.string()), segmentId: z.string().nullable() }),
  countClicks: z.boolean().describe('Clicks counted per link (opt-in), never per person'),
  status: z.enum(CAMPAIGN_STATUSES),
  scheduledAt: dateTime.nullable(),
  startedAt: dateTime.nullable(),
  pausedAt: dateTime.nullable(),
  finishedAt: dateTime.nullable(),
  cancelledAt: dateTime.nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export const campaignExample = {
  id: 'Hq2Vb8nTz1',
  name: 'Newsletter Dezember 2026',
  subject: 'Neues aus den Quartieren – Dezember',
  preheader: 'Termine, Förderprogramme und ein Blick nach Köngen',
  from: { name: 'Koordination Quartier', email: 'quartier@example.org' },
  replyTo: null,
  bodyMarkdown: '## Liebe Leserinnen und Leser\n\nim Dezember …',
  template: null,
  lang: 'de',
  audience: { listIds: ['k3Jx9QeWm2'], segmentId: null },
  countClicks: false,
  status: 'draft',
  scheduledAt: null,
  startedAt: null,
  pausedAt: null,
  finishedAt: null,
  cancelledAt: null,
  createdAt: at,
  updatedAt: at,
};
export const campaignsAnswer = z.object({ items: z.array(campaignView) });

export const previewAnswer = z.object({
  subject: z.string(),
  preheader: z.string(),
  from: z.object({ name: z.string(), address: z.string() }),
  html: z.string(),
  text: z.string(),
});
export const testSendAnswer = z.object({ queued: z.number().int().describe('Distinct addresses queued') });

export const progressAnswer = z.object({
  status: z.enum(CAMPAIGN_STATUSES),
  total: z.number().int().describe('Recipients after expansion; grows while `expanded` is false'),
  expanded: z.boolean(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  remaining: z.number().int(),
  rate: z.number().describe('Mails per second over the last minute'),
  eta: dateTime.nullable().describe('Estimated end at the current rate, while sending'),
  clicks: z
    .array(z.object({ link: z.number().int(), url: z.string(), clicks: z.number().int() }))
    .nullable()
    .describe('Clicks per link of the body when the campaign counts clicks; else null'),
});

export const bounceReport = z.object({
  hard: z.number().int(),
  soft: z.number().int(),
  complaints: z.number().int(),
  unsubscribes: z.number().int(),
});
export const hookAnswer = z.object({
  url: z.string().describe('Secret: give it to the relay or mailbox script only'),
});

/** Pages for browsers; a CSV file; raw mail. */
export const htmlPage = z.string();
export const csvText = z.string();

/** RFC 8058: what a mail client posts to the List-Unsubscribe URL. The handler needs no body. */
export const oneClickBody = z.object({ 'List-Unsubscribe': z.literal('One-Click') });

/** The bounce hook's path; the handler compares the secret in constant time (unknown: 404). */
export const hookParams = z.object({
  secret: z.string().describe('Derived from SECRET_KEY; see GET …/bounces/hook'),
});
