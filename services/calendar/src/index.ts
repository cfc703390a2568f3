export { createCalendarRouter, type CalendarRouterDeps } from './create-calendar-router';
export {
  createCalendarService,
  type CalendarService,
  type CalendarServiceDeps,
} from './create-calendar-service';
export { createFeedFastPath, type FeedFastPath } from './feed-fast-path';
export { FeedUrlIndex, type ServedFeed } from './feed-url-index';
export { serveWithFastPath } from './serve-with-fast-path';
export { negotiateCoding, sendFeed } from './send-feed';
