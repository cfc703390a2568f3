import { Router } from 'express';
import { z } from 'zod';
import { parseInput } from '@qn/http';
import { AppError, ACTOR_TYPE_KEYS, FIELD_OF_ACTION_KEYS, MUNICIPALITY_KEYS } from '@qn/domain';
import { publicWriteLimits } from '@qn/rate-limit';
import {
  describeSubscriberDetails,
  LINK_TOKEN_PATTERN,
  rectifySubscriber,
  type NewsletterContext,
} from '@qn/newsletter';
import type { NewsletterRouterDeps } from './deps';

export const detailsParams = z.strictObject({ token: z.string().regex(LINK_TOKEN_PATTERN).max(400) });

/** The subscriber's own correction (DSGVO Art. 16); `null` deletes an entry. No address. */
export const detailsPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    municipality: z.enum(MUNICIPALITY_KEYS).nullable().optional(),
    actorType: z.enum(ACTOR_TYPE_KEYS).nullable().optional(),
    fieldsOfAction: z.array(z.enum(FIELD_OF_ACTION_KEYS)).max(FIELD_OF_ACTION_KEYS.length).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: ['body'] });

export const detailsView = z.object({
  listName: z.string().optional(),
  lang: z.enum(['de', 'en']),
  email: z.string(),
  name: z.string().optional(),
  status: z.string(),
  attributes: z.object({
    municipality: z.string().optional(),
    actorType: z.string().optional(),
    fieldsOfAction: z.array(z.string()),
  }),
});

function tokenOf(params: unknown): string {
  const r = detailsParams.safeParse(params);
  if (!r.success) throw AppError.notFound('Link ungültig.');
  return r.data.token;
}

/**
 * The subscriber's details behind the personal link of every newsletter (the unsubscribe
 * token): GET shows them and never changes anything, PATCH corrects name and attributes. A
 * self-service change by the data subject: not audited, like the self-service unsubscribe.
 */
export function subscriberDetailsRoutes(deps: NewsletterRouterDeps, ctx: NewsletterContext): Router {
  const r = Router();
  r.get('/u/:token/details', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await describeSubscriberDetails(ctx, tokenOf(req.params)));
  });
  r.patch('/u/:token/details', ...publicWriteLimits(deps, 'newsletter.rectify', null), async (req, res) => {
    const token = tokenOf(req.params);
    const changes = parseInput(detailsPatch, req.body);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await rectifySubscriber(ctx, token, changes));
  });
  return r;
}
