import { Router } from 'express';
import { authenticate } from '@qn/auth';
import { newsletterContext } from '@qn/newsletter';
import type { NewsletterRouterDeps } from './deps';
import { publicRoutes } from './public-routes';
import { bounceRoutes } from './bounce-routes';
import { listRoutes } from './list-routes';
import { campaignRoutes } from './campaign-routes';
import { clickRoutes } from './click-routes';
import { subscriberDetailsRoutes } from './subscriber-details-routes';
import './subscriber-details-api-docs';

/**
 * The newsletter service, mounted at /api/newsletter: public sign-up and the pages behind mail
 * links; admin lists, subscribers, segments and campaigns; the bounce endpoints. HTTP handlers
 * only write state and enqueue; the newsletter worker talks SMTP.
 */
export function createNewsletterRouter(deps: NewsletterRouterDeps): Router {
  const ctx = newsletterContext(deps.config, deps.redis, deps.producer);
  const router = Router();
  router.use(authenticate);
  router.use(publicRoutes(deps, ctx));
  router.use(clickRoutes(deps, ctx));
  router.use(subscriberDetailsRoutes(deps, ctx));
  router.use(bounceRoutes(ctx));
  router.use(listRoutes(ctx));
  router.use(campaignRoutes(ctx));
  return router;
}
