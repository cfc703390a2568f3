import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { CalendarFeeds } from '@qn/calendar';
import type { FeedUrlIndex } from './feed-url-index';
import { sendFeed } from './send-feed';

export type FeedFastPath = {
  /** True when it answered; false leaves the request untouched for the full app. */
  (req: IncomingMessage, res: ServerResponse): boolean;
  /** The same as express middleware, for an app whose server is made elsewhere. */
  middleware: RequestHandler;
};

const SAFE_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * Cache hits of feed URLs the router has already answered, served before the express shell.
 * A calendar client polls the same URL again and again, and most answers are 304: the shell's
 * per-request work (child logger, security headers, body parsers, routing) would cost several
 * times the answer itself. What the shell adds that matters for a calendar response is kept
 * (request id, nosniff); the shell logs 2xx/3xx only at debug level, so no log line is lost at
 * the usual levels. Misses, errors and everything else go through the router unchanged.
 */
export function createFeedFastPath(feeds: CalendarFeeds, index: FeedUrlIndex): FeedFastPath {
  const fast = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url;
    if (!url) return false;
    const served = index.lookup(url);
    if (!served) return false;
    const rep = feeds.cache.peek(served.key, served.scope);
    if (!rep) return false;
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
    const sent = sendFeed(req, res, rep, served.send, ['X-Request-Id', id]);
    if (sent instanceof Promise) {
      sent.catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    }
    return true;
  };
  const middleware: RequestHandler = (req, res, next) => {
    // Mounted at the app's root: req.url is the full path there.
    if (!fast(req, res)) next();
  };
  return Object.assign(fast, { middleware });
}
