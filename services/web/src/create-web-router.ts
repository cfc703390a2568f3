import express, { Router } from 'express';
import { STATIC_DIR } from '@qn/web-ui';
import type { WebDeps } from './web-deps';
import { webContext, pageContext, webLocals } from './http/web-context';
import { csrfValid } from './http/csrf';
import { errorPage, webErrorHandler, webNotFound } from './http/web-errors';
import { homePage } from './pages/home-page';
import { accessibilityPage, imprintPage, privacyPage } from './pages/legal-pages';
import { render } from './http/web-context';
import { signInRoutes } from './console/sign-in-routes';
import { consoleHomeRoutes } from './console/console-home';
import { consoleEventRoutes } from './console/events/console-event-routes';
import { consoleSeriesRoutes } from './console/events/console-series-routes';
import './console/events/console-series-api-docs';
import { consoleNewsletterRoutes } from './newsletter/console-newsletter-routes';
import { queueDashboard } from './console/queue-dashboard';
import { consoleFundingRoutes } from './console/funding/console-funding-routes';
import { publicEventRoutes } from './events/public-event-routes';
import { publicFundingRoutes } from './funding/public-funding-routes';
import { publicNewsletterRoutes } from './newsletter/public-newsletter-routes';
import { privacyRequestRoutes } from './pages/privacy-request-routes';
import { myRegistrationsRoutes } from './events/my-registrations-routes';
import { eventMediaRoutes } from './events/event-media-routes';
import { consoleEventMediaRoutes } from './console/events/console-event-media';
import './console/events/event-media-api-docs';
import { consoleOrganisationRoutes } from './console/accounts/console-organisation-routes';
import { consoleAccountRoutes } from './console/accounts/console-account-routes';
import './console/accounts/accounts-api-docs';
import { consoleTokenRoutes } from './console/tokens/console-token-routes';
import { consoleAuditRoutes } from './console/audit/console-audit-routes';
import './web-api-docs';

/** The only routes that take multipart uploads (an event's image and flyer). */
const MULTIPART_UPLOAD = /^\/konsole\/veranstaltungen\/[0-9a-f]{24}\/medien\/(bild|flyer)$/;

/** Paths other services own: the web router, mounted last at `/`, never answers for them. */
const NOT_OURS = /^\/(api|feeds|metrics)(\/|$)|^\/(healthz|readyz)$/;

/**
 * The web front end: server-rendered pages over the domain packages (called directly, never
 * over HTTP). Forms work without JavaScript; every POST carries a CSRF token.
 */
export function createWebRouter(deps: WebDeps): Router {
  const router = Router();
  router.use((req, _res, next) => (NOT_OURS.test(req.path) ? next('router') : next()));
  router.use('/assets', express.static(STATIC_DIR, { maxAge: '1h', fallthrough: false, index: false }));
  router.use(webContext(deps));
  router.use(queueDashboard(deps));
  router.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    // Uploads carry their CSRF field inside the multipart body: their route checks it there.
    if (MULTIPART_UPLOAD.test(req.path) && req.is('multipart/form-data')) return next();
    if (csrfValid(deps.config.SECRET_KEY, webLocals(res).csrfBinding, req.body?._csrf)) return next();
    errorPage(res, 403, 'error.csrf.title', pageContext(res).t('error.csrf.text'));
  });

  router.get('/', (_req, res) => render(res, homePage(pageContext(res))));
  router.get('/datenschutz', (_req, res) =>
    render(res, privacyPage(pageContext(res), { eventRetentionDays: deps.config.EVENT_RETENTION_DAYS })),
  );
  router.get('/impressum', (_req, res) => render(res, imprintPage(pageContext(res))));
  router.get('/barrierefreiheit', (_req, res) => render(res, accessibilityPage(pageContext(res))));
  router.use(publicEventRoutes(deps));
  router.use(publicFundingRoutes(deps));
  router.use(publicNewsletterRoutes(deps));
  router.use(privacyRequestRoutes(deps));
  router.use(myRegistrationsRoutes(deps));
  router.use(eventMediaRoutes(deps));
  router.use(signInRoutes(deps));
  router.use(consoleHomeRoutes(deps));
  router.use(consoleEventRoutes(deps));
  router.use(consoleSeriesRoutes(deps));
  router.use(consoleEventMediaRoutes(deps));
  router.use(consoleNewsletterRoutes(deps));
  router.use(consoleFundingRoutes(deps));
  router.use(consoleOrganisationRoutes(deps));
  router.use(consoleAccountRoutes(deps));
  router.use(consoleTokenRoutes(deps));
  router.use(consoleAuditRoutes(deps));

  router.use(webNotFound);
  router.use(webErrorHandler);
  return router;
}
