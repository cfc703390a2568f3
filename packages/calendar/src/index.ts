export {
  isAllDay,
  type CalendarEntry,
  type CalendarEntryStatus,
  type AllDaySpan,
  type TimedSpan,
} from './calendar-entry';
export { buildFeed, PRODUCT_ID, type FeedOptions } from './build-feed';
export { buildInvitationIcs, type InvitationOptions, type InvitationMethod } from './build-invitation-ics';
export { eventUid, programmeDeadlineUid, uidHost } from './ids';
export {
  webcalUrl,
  googleSubscribeUrl,
  outlookSubscribeUrl,
  googleEventUrl,
  outlookEventUrl,
} from './calendar-links';
export { vtimezoneOf } from './vtimezone';
