import { Router, type Request, type Response } from 'express';
import { parseInput } from '@qn/http';
import { AppError } from '@qn/domain';
import {
  FEED_TOKEN_PATTERN,
  issuePersonalFeed,
  revokePersonalFeed,
  rotatePersonalFeed,
  feedKeys,
  type CalendarFeeds,
  type FeedRepresentation,
  type FeedScope,
  type PersonalFeedGrant,
} from '@qn/calendar';
import { feedIndexOf, subscribeLinksOf } from './feed-index';
import type { FeedUrlIndex } from './feed-url-index';
import { eventsFeedQuery, manageTokenBody, noQuery, ORGANISATION_ID } from './feed-query';
import { sendFeed, type SendOptions } from './send-feed';
import './calendar-api-docs';

export type CalendarRouterDeps = {
  feeds: CalendarFeeds;
  secretKey: string;
  /** Tells every process that one person's feed changed hands (rotation, revocation). */
  dropPersonalEverywhere: (registrantKey: string) => Promise<void>;
  /** Where answered URLs are remembered for the fast path (optional). */
  urlIndex?: FeedUrlIndex;
};

// Public feeds may sit in shared caches for a few minutes; clients revalidate with the ETag.
const PUBLIC = 'public, max-age=300, stale-while-revalidate=60';
// A personal feed names one person's registrations: no shared cache may keep it.
const PRIVATE = 'private, max-age=60';

function notFound(): never {
  throw AppError.notFound('Diesen Kalender gibt es nicht (mehr).');
}

/**
 * /feeds: iCalendar feeds (GET and HEAD) served from the built-feed cache, the personal feed's
 * token management, and an index with subscribe links for pages.
 */
export function createCalendarRouter(deps: CalendarRouterDeps): Router {
  const { feeds } = deps;
  const router = Router();
  /** Sends a built feed and remembers which cache entry answered this exact URL. */
  const serve = async (
    req: Request,
    res: Response,
    rep: FeedRepresentation | Promise<FeedRepresentation>,
    at: { key: string; scope?: FeedScope },
    send: SendOptions = { cacheControl: PUBLIC, disposition: 'inline' },
  ) => {
    await sendFeed(req, res, await rep, send);
    deps.urlIndex?.remember(req.originalUrl, { key: at.key, scope: at.scope ?? 'events', send });
  };

  router.get('/', (req, res) => {
    parseInput(noQuery, req.query);
    res.json(feedIndexOf((path) => feeds.feedUrl(path)));
  });

  router.get('/events.ics', async (req, res) => {
    const filter = parseInput(eventsFeedQuery, req.query);
    for (const org of filter.organiser ?? []) {
      if (!(await feeds.organisationExists(org))) {
        throw AppError.validation([{ field: 'organiser', message: `unbekannte Organisation: ${org}` }]);
      }
    }
    await serve(req, res, feeds.eventsFeed(filter), { key: feedKeys.events(filter) });
  });

  router.get('/organisations/:organisationId.ics', async (req, res) => {
    parseInput(noQuery, req.query);
    const id = String(req.params.organisationId);
    if (!ORGANISATION_ID.test(id)) notFound();
    const rep = await feeds.organisationFeed(id);
    if (!rep) notFound();
    await serve(req, res, rep, { key: feedKeys.organisation(id) });
  });

  router.get('/events/:eventId.ics', async (req, res) => {
    parseInput(noQuery, req.query);
    const id = String(req.params.eventId);
    if (!/^[a-f0-9]{24}$/.test(id)) notFound();
    const rep = await feeds.eventIcs(id);
    if (!rep) notFound();
    await serve(
      req,
      res,
      rep,
      { key: feedKeys.event(id) },
      { cacheControl: PUBLIC, disposition: 'attachment' },
    );
  });

  router.get('/funding-deadlines.ics', async (req, res) => {
    parseInput(noQuery, req.query);
    await serve(req, res, feeds.fundingFeed(), { key: feedKeys.funding(), scope: 'funding' });
  });

  router.get('/personal/:token.ics', async (req, res) => {
    parseInput(noQuery, req.query);
    const token = String(req.params.token);
    if (!FEED_TOKEN_PATTERN.test(token)) notFound();
    const rep = await feeds.personalFeed(token);
    if (!rep) notFound();
    await serve(
      req,
      res,
      rep,
      { key: feedKeys.personal(token) },
      { cacheControl: PRIVATE, disposition: 'inline' },
    );
  });

  const grantBody = (g: PersonalFeedGrant) => ({
    token: g.token,
    ...subscribeLinksOf(feeds.feedUrl(`/personal/${g.token}.ics`), 'Quartiersnetz – Meine Veranstaltungen'),
  });

  // Issuing needs a registration's manage token: it proves the address the feed is about.
  router.post('/personal', async (req, res) => {
    const { manageToken } = parseInput(manageTokenBody, req.body);
    const grant = await issuePersonalFeed({ secretKey: deps.secretKey, manageToken });
    res.setHeader('Cache-Control', 'no-store');
    res.json(grantBody(grant));
  });

  router.post('/personal/rotate', async (req, res) => {
    const { manageToken } = parseInput(manageTokenBody, req.body);
    const grant = await rotatePersonalFeed({ secretKey: deps.secretKey, manageToken });
    await deps.dropPersonalEverywhere(grant.key);
    res.setHeader('Cache-Control', 'no-store');
    res.json(grantBody(grant));
  });

  router.post('/personal/revoke', async (req, res) => {
    const { manageToken } = parseInput(manageTokenBody, req.body);
    const { key } = await revokePersonalFeed({ secretKey: deps.secretKey, manageToken });
    await deps.dropPersonalEverywhere(key);
    res.status(204).end();
  });

  return router;
}
