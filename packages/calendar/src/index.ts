export {
  isAllDay,
  type CalendarEntry,
  type CalendarEntryStatus,
  type AllDaySpan,
  type TimedSpan,
} from './calendar-entry';
export { buildFeed, PRODUCT_ID, type FeedOptions } from './build-feed';
export { buildInvitationIcs, type InvitationOptions, type InvitationMethod } from './build-invitation-ics';
export { eventUid, programmeDeadlineUid } from './ids';
export {
  webcalUrl,
  googleSubscribeUrl,
  outlookSubscribeUrl,
  googleEventUrl,
  outlookEventUrl,
} from './calendar-links';
export { vtimezoneOf } from './vtimezone';
export { ByteLru } from './cache/byte-lru';
export { FeedRepresentation, type ContentCoding } from './cache/feed-representation';
export { FeedCache, type FeedCacheOptions } from './cache/feed-cache';
export { FEED_SCOPES, invalidationKeys, type FeedScope } from './cache/feed-scope';
export { FeedInvalidation } from './cache/feed-invalidation';
export { publishInvalidation, type InvalidationMessage } from './cache/publish-invalidation';
export { CalendarFeeds, feedKeys, type CalendarFeedsOptions } from './feeds/calendar-feeds';
export { defaultFeedSettings, type FeedSettings } from './feeds/feed-settings';
export { filterKey, filterQuery, matchesFilter, type EventFilter } from './feeds/event-filter';
export { eventEntry, isFeedVisible, locationOf, type FeedEvent } from './feeds/event-entry';
export { programmeEntries, programmeSequence, type FeedProgramme } from './feeds/programme-entries';
export { personalEntry, type FeedRegistration, type FeedRegistrationStatus } from './feeds/personal-entry';
export {
  FEED_TOKEN_PATTERN,
  hashFeedToken,
  personalFeedToken,
  registrantKey,
} from './feeds/personal-feed-token';
export {
  issuePersonalFeed,
  rotatePersonalFeed,
  revokePersonalFeed,
  findPersonalFeed,
  type PersonalFeedGrant,
} from './feeds/manage-personal-feed';
export { PersonalFeed, type PersonalFeedDoc } from './models/personal-feed';
export { PersonalFeedTokenKey, type PersonalFeedTokenKeyDoc } from './models/personal-feed-token-key';
