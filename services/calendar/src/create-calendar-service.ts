import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '@qn/config';
import {
  CalendarFeeds,
  FeedInvalidation,
  defaultFeedSettings,
  publishInvalidation,
  type CalendarFeedsOptions,
  type FeedSettings,
} from '@qn/calendar';
import { createCalendarRouter } from './create-calendar-router';
import { createFeedFastPath, type FeedFastPath } from './feed-fast-path';
import { FeedUrlIndex } from './feed-url-index';

export type CalendarServiceDeps = {
  config: Config;
  logger: Logger;
  /** Non-blocking connection (reads generations, publishes). */
  redis: Redis;
  /** A connection of its own for pub/sub (a subscribed connection can do nothing else). */
  subscriber: Redis;
  settings?: Partial<FeedSettings>;
  feeds?: Omit<CalendarFeedsOptions, 'settings' | 'generations'>;
};

export type CalendarService = {
  router: Router;
  feeds: CalendarFeeds;
  invalidation: FeedInvalidation;
  /** Cache hits of known feed URLs before the express shell (see feed-fast-path.ts). */
  fastPath: FeedFastPath;
  /** Resolves once the process follows invalidations (subscribed and generations read). */
  ready: Promise<void>;
};

/** The calendar service's parts, wired: invalidation follower, feed cache, router. */
export function createCalendarService(deps: CalendarServiceDeps): CalendarService {
  const log = deps.logger.child({ service: 'calendar' });
  const settings = {
    ...defaultFeedSettings(deps.config.PUBLIC_URL, deps.config.TZ_DISPLAY),
    ...deps.settings,
  };
  const invalidation = new FeedInvalidation(deps.subscriber, deps.redis, deps.config.QUEUE_PREFIX, log);
  const feeds = new CalendarFeeds({ ...deps.feeds, settings, generations: invalidation });
  invalidation.onTag((_scope, tag) => feeds.dropPersonal(tag));
  const ready = invalidation.start().catch((err: unknown) => {
    // Feeds still serve; the cache's max age bounds staleness until Redis is back.
    log.warn({ err: (err as Error).message }, 'feed invalidation not subscribed');
  });
  const urlIndex = new FeedUrlIndex();
  const router = createCalendarRouter({
    feeds,
    urlIndex,
    secretKey: deps.config.SECRET_KEY,
    dropPersonalEverywhere: async (key) => {
      feeds.dropPersonal(key);
      await publishInvalidation(deps.redis, deps.config.QUEUE_PREFIX, 'events', { tag: key });
    },
  });
  return { router, feeds, invalidation, ready, fastPath: createFeedFastPath(feeds, urlIndex) };
}
