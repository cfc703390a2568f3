import { Router } from 'express';
import { authenticate } from '@qn/auth';
import type { FundingRouterDeps } from './deps';
import { programmeRoutes } from './programme-routes';
import { subscriptionRoutes } from './subscription-routes';
import { adminRoutes } from './admin-routes';
import './funding-api-docs';

/** The funding service: programmes, subscriptions, unsubscribe pages and admin data-quality lists. */
export function createFundingRouter(deps: FundingRouterDeps): Router {
  const router = Router();
  router.use(authenticate);
  router.use(programmeRoutes(deps));
  router.use(subscriptionRoutes(deps));
  router.use(adminRoutes(deps));
  return router;
}
