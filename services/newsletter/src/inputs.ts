import { z } from 'zod';
import { ACTOR_TYPE_KEYS, FIELD_OF_ACTION_KEYS, MUNICIPALITY_KEYS } from '@qn/domain';
import { CONSENT_METHODS, SUBSCRIBER_STATUSES } from '@qn/newsletter';

export const idParam = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export const subscriberIdParam = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(140)
    .regex(/^[A-Za-z0-9_-]+:[0-9a-f]{64}$/),
});
export const tokenParam = z.strictObject({ token: z.string().min(1).max(400) });

const lang = z.enum(['de', 'en']);
export const attributesInput = z.strictObject({
  municipality: z.enum(MUNICIPALITY_KEYS).optional(),
  actorType: z.enum(ACTOR_TYPE_KEYS).optional(),
  fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)).max(FIELD_OF_ACTION_KEYS.length).optional(),
});
const attributesPatch = z.strictObject({
  municipality: z.enum(MUNICIPALITY_KEYS).nullable().optional(),
  actorType: z.enum(ACTOR_TYPE_KEYS).nullable().optional(),
  fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)).max(FIELD_OF_ACTION_KEYS.length).optional(),
});

/** The public form. `consent: true` says the consent text was shown and accepted. */
export const subscribeInput = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().max(200).optional(),
  lang: lang.optional(),
  attributes: attributesInput.optional(),
  consent: z.literal(true),
});

/** The same form posted as application/x-www-form-urlencoded by a plain HTML page. */
export function subscribeFromForm(body: Record<string, unknown>) {
  const arr = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
  return {
    email: body.email,
    name: body.name || undefined,
    lang: body.lang || undefined,
    attributes: {
      municipality: body.municipality || undefined,
      actorType: body.actorType || undefined,
      fieldsOfAction: arr(body.fieldsOfAction),
    },
    consent: body.consent === 'true' || body.consent === 'on' || body.consent === true ? true : body.consent,
  };
}

const welcome = z.strictObject({
  enabled: z.boolean(),
  subject: z.string().trim().min(1).max(300).optional(),
  bodyMarkdown: z.string().min(1).max(50_000).optional(),
});
export const listInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  lang: lang.optional(),
  welcome: welcome.optional(),
});
export const listPatch = listInput.partial();

export const addSubscriberInput = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().max(200).optional(),
  lang: lang.optional(),
  attributes: attributesInput.optional(),
  consent: z
    .strictObject({
      at: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
      method: z.enum(CONSENT_METHODS).optional(),
      textVersion: z.string().trim().min(1).max(100).optional(),
    })
    .optional(),
});
export const subscriberPatch = z
  .strictObject({
    name: z.string().trim().max(200).nullable().optional(),
    lang: lang.optional(),
    attributes: attributesPatch.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['body'] });

export const subscribersQuery = z.strictObject({
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const importQuery = z.strictObject({ mode: z.enum(['consented', 'pending']) });

const segmentFilter = z.strictObject({
  municipalities: z.array(z.enum(MUNICIPALITY_KEYS)).max(44).optional(),
  actorTypes: z.array(z.enum(ACTOR_TYPE_KEYS)).max(20).optional(),
  fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)).max(20).optional(),
});
export const segmentInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  filter: segmentFilter,
});
export const segmentPatch = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  filter: segmentFilter.optional(),
});

const audience = z.strictObject({
  listIds: z
    .array(
      z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9_-]+$/),
    )
    .min(1)
    .max(20),
  segmentId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});
export const audienceInput = audience;

export const campaignInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  subject: z.string().trim().min(1).max(300),
  preheader: z.string().trim().max(300).optional(),
  from: z
    .strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      email: z.email().max(254).optional(),
    })
    .optional(),
  replyTo: z.email().max(254).optional(),
  bodyMarkdown: z.string().min(1).max(100_000),
  template: z.string().min(1).max(100_000).optional(),
  lang: lang.optional(),
  audience,
  countClicks: z.boolean().optional(),
});
export const campaignPatch = campaignInput
  .partial()
  .extend({ template: z.string().min(1).max(100_000).nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['body'] });

export const scheduleInput = z.strictObject({
  at: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
});
export const testSendInput = z.strictObject({ to: z.array(z.email().max(254)).min(1).max(10) });
export const previewQuery = z.strictObject({
  format: z.enum(['json', 'html', 'text']).default('json'),
  name: z.string().max(200).optional(),
});

export const bounceEventsInput = z.strictObject({
  events: z
    .array(
      z.strictObject({
        email: z.email().max(254),
        type: z.enum(['hard', 'soft', 'complaint', 'unsubscribe']),
        reason: z.string().max(1000).optional(),
      }),
    )
    .min(1)
    .max(1000),
});
