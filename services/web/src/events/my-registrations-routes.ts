import { Router } from 'express';
import { AppError } from '@qn/domain';
import { issuePersonalFeed } from '@qn/calendar';
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
      }),
    );
  });

  return router;
}
