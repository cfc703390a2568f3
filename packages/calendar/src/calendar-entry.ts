/**
 * What a feed or a mail attachment shows for one thing in time. Domain packages map their own
 * models onto this; nothing here knows about events, programmes or registrations.
 */
export type CalendarEntryStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

/** A timed entry: instants; they are written as wall-clock times in the feed's time zone. */
export type TimedSpan = { allDay?: false; start: Date; end: Date };

/**
 * An all-day entry: local calendar dates (`YYYY-MM-DD`), `endDate` inclusive (defaults to
 * `date`). A deadline is a date, not an instant, so it must not shift with the viewer's zone.
 */
export type AllDaySpan = { allDay: true; date: string; endDate?: string };

export type CalendarEntry = (TimedSpan | AllDaySpan) & {
  /** Stable across every change of the thing, globally unique (`event-<id>@<host>`). */
  uid: string;
  /** Raised on every change clients should notice (RFC 5545 SEQUENCE). */
  sequence: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status: CalendarEntryStatus;
  categories?: string[];
  created: Date;
  lastModified: Date;
};

export function isAllDay(entry: TimedSpan | AllDaySpan): entry is AllDaySpan {
  return entry.allDay === true;
}
