export { createCalendarRouter, type CalendarRouterDeps } from './create-calendar-router';
export {
  createCalendarService,
  type CalendarService,
  type CalendarServiceDeps,
} from './create-calendar-service';
export { negotiateCoding, sendFeed } from './send-feed';
