import { z } from 'zod';

/** What the privacy routes accept; the OpenAPI document uses the same schemas. */
const email = z.email().max(254);
const format = z.enum(['json', 'html']).default('json');
export const mailedRequestInput = z.strictObject({
  email,
  kind: z.enum(['access', 'erasure']),
  lang: z.enum(['de', 'en']).default('de'),
});
export const confirmInput = z.strictObject({ format });
export const adminInput = z.strictObject({
  email,
  tokens: z.array(z.string().min(8).max(200)).max(20).optional(),
  format,
});
export const listInput = z.strictObject({
  email: email.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const tokenParams = z.object({ token: z.string().describe('The token from the mailed link') });

export const mailedRequestAnswer = z.object({ status: z.literal('accepted'), message: z.string() });
