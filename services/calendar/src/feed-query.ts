import { z } from 'zod';
import { EVENT_KIND_KEYS, FIELD_OF_ACTION_KEYS, MUNICIPALITY_KEYS } from '@qn/domain';

export const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A parameter may repeat (`?kind=a&kind=b`) or list values with commas (`?kind=a,b`). */
function listOf(value: z.ZodType<string, string>, max: number) {
  const options = value instanceof z.ZodEnum ? (value.options as string[]) : undefined;
  return z
    .union([z.string().max(2_000), z.array(z.string().max(2_000)).max(max)])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()))
    .pipe(z.array(value).min(1).max(max))
    .meta({
      description: `Up to ${max} values, repeated or comma-separated${options ? `: ${options.join(', ')}` : ''}`,
    });
}

/**
 * Query of /feeds/events.ics. A bad value of a known parameter is a 400; unknown parameters
 * are dropped: links pasted from newsletters and social media carry `utm_source` and the like,
 * and a calendar subscription must not break on them.
 */
export const eventsFeedQuery = z.object({
  municipality: listOf(z.enum(MUNICIPALITY_KEYS), MUNICIPALITY_KEYS.length).optional(),
  field: listOf(z.enum(FIELD_OF_ACTION_KEYS), FIELD_OF_ACTION_KEYS.length).optional(),
  kind: listOf(z.enum(EVENT_KIND_KEYS), EVENT_KIND_KEYS.length).optional(),
  organiser: listOf(z.string().regex(ORGANISATION_ID, 'keine gültige Organisationskennung'), 20).optional(),
});

/** Feeds without parameters of their own (others are dropped, as above). */
export const noQuery = z.object({});

export const manageTokenBody = z.strictObject({ manageToken: z.string().min(10).max(200) });
