import { Router } from 'express';
import { AppError } from '@qn/domain';
import { publicWriteLimits } from '@qn/rate-limit';
import { issuePersonalFeed, publishInvalidation, rotatePersonalFeed } from '@qn/calendar';
import {
  eventsDepsOf,
  findByManageToken,
  manageTokenOf,
  registrationsOfAddress,
  waitlistPosition,
} from '@qn/events';
import type { WebDeps } from '../web-deps';
import { pageContext, render } from '../http/web-context';
import { myRegistrationsPage } from './my-registrations-page';
import './my-registrations-api-docs';

const MANAGE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * "Alle meine Anmeldungen": from any manage link, every registration of the same address and
 * the address's personal calendar feed. The manage token is the only key: without a valid one
 * the page is the same 404 as the manage page's, and nothing about the address is shown.
 */
export function myRegistrationsRoutes(deps: WebDeps): Router {
  const router = Router();
  const events = eventsDepsOf(deps);

  router.get('/veranstaltungen/meine-anmeldungen/:token', async (req, res) => {
    // Also on the error pages: a link that carries a token is nobody's search result.
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    // The token is in the URL: keep it out of Referer headers on the way out.
    res.setHeader('Referrer-Policy', 'no-referrer');
    const token = String(req.params.token);
    if (!MANAGE_TOKEN.test(token)) throw AppError.notFound();
    const { registration } = await findByManageToken(token);
    const listed = await registrationsOfAddress(events, registration.email);
    const registrations = [];
    for (const r of listed)
      registrations.push({
        ...r,
        manageToken: manageTokenOf(events.secretKey, String(r.registration._id)),
        waitlistPosition: await waitlistPosition(r.registration),
      });
    // Derived, so asking again gives the same link; made on the first visit.
    const grant = await issuePersonalFeed({ secretKey: deps.config.SECRET_KEY, manageToken: token });
    const feedUrl = `${deps.config.PUBLIC_URL}/feeds/personal/${grant.token}.ics`;
    render(
      res,
      myRegistrationsPage(pageContext(res), {
        registrations,
        token,
        feedUrl,
        timeZone: deps.config.TZ_DISPLAY,
        rotated: req.query.neu === '1',
      }),
    );
  });

  // A leaked calendar address is replaced, not only hidden: the old token answers 404 at once.
  router.post(
    '/veranstaltungen/meine-anmeldungen/:token/kalender-neu',
    ...publicWriteLimits(deps, 'web.feed-rotate', null),
    async (req, res) => {
      res.setHeader('Referrer-Policy', 'no-referrer');
      const token = String(req.params.token);
      if (!MANAGE_TOKEN.test(token)) throw AppError.notFound();
      await findByManageToken(token);
      const { key } = await rotatePersonalFeed({ secretKey: deps.config.SECRET_KEY, manageToken: token });
      // Every calendar process drops the built feed it may hold for the old address.
      await publishInvalidation(deps.redis, deps.config.QUEUE_PREFIX, 'events', { tag: key });
      res.redirect(303, `/veranstaltungen/meine-anmeldungen/${token}?neu=1#my-feed-title`);
    },
  );

  return router;
}
