export { Event, type EventDoc, type EventStatus, type PromotionMode } from './models/event';
export {
  Registration,
  type RegistrationDoc,
  type RegistrationStatus,
  type RegistrationSource,
} from './models/registration';
export { Seat, seatId, type SeatDoc } from './models/seat';
export { CONSENT_TEXT, CONSENT_TEXT_VERSION } from './consent-text';
export { eventsDepsOf, type EventsDeps } from './events-deps';
export { withLock, withEventLock } from './event-lock';
export { type EventFields, CALENDAR_FIELDS, eventSearchTerms } from './event-fields';
export { createEvent, updateEvent, publishEvent, cancelEvent, loadEvent } from './manage-event';
export {
  registerAttendee,
  assertRegistrable,
  type RegisterInput,
  type RegisterResult,
} from './register-attendee';
export { cancelRegistration, acceptOffer, expireOffer, findByManageToken } from './manage-registration';
export { promoteRegistration } from './promote-registration';
export { settleSeats, settleSeatsLocked, isOpenForSeats, type SettleResult } from './settle-seats';
export { seatsTaken } from './claim-seats';
export {
  manageTokenOf,
  hashManageToken,
  registrationIdOfManageToken,
  manageUrlOf,
  eventUrlOf,
} from './manage-token';
export { RegistrationKey, addressKeyOf } from './models/registration-key';
export { dropAddressKey } from './registration-keys';
export { RegistrantIndex, EventLookupBackfill } from './models/registrant-index';
export {
  indexRegistration,
  ensureIndexed,
  unindexRegistrations,
  dropRegistrantIndex,
  registrationIdsOfAddress,
  registrantIndexComplete,
  backfillRegistrantIndex,
  type RegistrantIndexDeps,
} from './registrant-index';
export { registrationsOfAddress, type AddressRegistration } from './registrations-of-address';
export { buildEventIcs, eventIcsUid, venueLine } from './build-event-ics';
export { enqueueRegistrationMail, formatWhen, type RegistrationMailKind } from './registration-mails';
export { scheduleReminders, removeReminders, reminderIsDue, reminderKey } from './reminders';
export { normaliseWords, searchTermsOf } from './search-terms';
export {
  listPublicEvents,
  publicEventOf,
  organiserEventOf,
  seatsTakenByEvent,
  type EventFilter,
  type PublicEvent,
} from './list-events';
export {
  listAttendees,
  attendeeCounts,
  setCheckedIn,
  attendeeOf,
  type Attendee,
  type AttendeeCounts,
} from './attendees';
export { attendeesCsv, parseAttendeeCsv, csvCell, type ImportRow } from './attendees-csv';
export { anonymiseEventRegistrations } from './anonymise-event-registrations';
export { waitlistPosition } from './waitlist-position';
export { notifyEventChange } from './notify-event-change';
export { sendReminder } from './send-reminder';
export { reconcileEvents } from './reconcile-events';
export {
  rectifyRegistration,
  isRectifiable,
  RECTIFIABLE_REGISTRATION_FIELDS,
  type RegistrationCorrections,
} from './rectify-registration';
export { listUpcomingEventsOf, type UpcomingEvent } from './list-upcoming-events-of';
export { listRecentRegistrationsOf, type RecentRegistration } from './list-recent-registrations-of';
export { hasEmail, PHONE_MAX, POSTAL_ADDRESS_MAX } from './contact';
export {
  previewAttendeeImport,
  importAttendees,
  importProblemText,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportProblem,
  type ImportOutcome,
  type ImportRowReport,
  type ImportReport,
} from './import-attendees';
export { EventSeries, type EventSeriesDoc, type SeriesTemplate } from './models/event-series';
export {
  seriesDates,
  scheduleIssues,
  localDateTimeOf,
  atLocalTime,
  MAX_OCCURRENCES,
  type SeriesRule,
  type SeriesSchedule,
  type Weekday,
} from './series-dates';
export {
  createEventSeries,
  previewEventSeries,
  loadEventSeries,
  seriesOccurrences,
  occurrenceId,
  nextSeriesDates,
  type SeriesDate,
} from './create-event-series';
export {
  publishEventSeries,
  updateEventSeries,
  cancelEventSeries,
  futureOccurrences,
} from './update-event-series';
export {
  checkQuestions,
  setEventQuestions,
  QUESTIONS_MAX,
  QUESTION_LABEL_MAX,
  QUESTION_OPTION_MAX,
  QUESTION_OPTIONS_MIN,
  QUESTION_OPTIONS_MAX,
  QUESTION_TYPES,
  QUESTION_ID,
  type EventQuestion,
  type QuestionInput,
  type QuestionType,
} from './event-questions';
export { checkAnswers, ANSWER_TEXT_MAX, type AnswersInput, type RegistrationAnswer } from './check-answers';
export { answerColumns, answerText, type AnswerColumn } from './answer-columns';
export {
  setEventMedia,
  mediaOfEvent,
  loadEventMedia,
  removeEventMedia,
  sniffMediaType,
  EVENT_MEDIA_MAX_BYTES,
  EVENT_MEDIA_TEXT_MAX,
} from './event-media';
export {
  EventMediaInfo,
  EventMediaFile,
  type EventMediaInfoDoc,
  type EventMediaKind,
} from './models/event-media';
