import type { Express } from 'express';
import { createServiceApp, type Runtime } from '@qn/runtime';
import { createSmokeRouter } from '@qn/service-smoke';
import { createEventsRouter } from '@qn/service-events';
import { createFundingRouter } from '@qn/service-funding';
import { createNewsletterRouter } from '@qn/service-newsletter';
import {
  campaignMetricsRegistry,
  createApiDocsRouter,
  createAuditRouter,
  createInboundRouter,
  createOpenApiRouter,
} from '@qn/service-ops';
import { createWebRouter } from '@qn/service-web';
import { createCalendarService } from '@qn/service-calendar';
import { createPrivacyRouter } from '@qn/service-privacy';

/**
 * Every service on one origin, each at the path prefix it also has behind a reverse proxy
 * in the split layout (docs/architecture.md): /api/events, /api/funding, /api/newsletter, /feeds, /.
 */
export function composeApp(rt: Runtime): Express {
  const calendar = createCalendarService({
    config: rt.config,
    logger: rt.logger,
    redis: rt.redis,
    subscriber: rt.workerConnection(),
  });
  return createServiceApp(
    rt,
    [
      { path: '/api/smoke', router: createSmokeRouter(rt) },
      { path: '/api/events', router: createEventsRouter(rt) },
      { path: '/api/funding', router: createFundingRouter(rt) },
      { path: '/api/newsletter', router: createNewsletterRouter(rt) },
      { path: '/api/audit', router: createAuditRouter() },
      { path: '/api/inbound', router: createInboundRouter(rt) },
      { path: '/api/openapi.json', router: createOpenApiRouter({ publicUrl: rt.config.PUBLIC_URL }) },
      { path: '/api/docs', router: createApiDocsRouter() },
      { path: '/api/privacy', router: createPrivacyRouter(rt) },
      { path: '/feeds', router: calendar.router },
      // Pages last: mounted at `/`, they must not shadow the API, feed and health paths above.
      { path: '/', router: createWebRouter(rt) },
    ],
    // Feed cache hits of known URLs are answered before the shell (services/calendar).
    { before: [calendar.fastPath.middleware], queueMetrics: true, metrics: [campaignMetricsRegistry()] },
  );
}
