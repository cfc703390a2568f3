import { ICalEventStatus, ICalEventTransparency, type ICalCalendar, type ICalEvent } from 'ical-generator';
import { isAllDay, type CalendarEntry } from './calendar-entry';
import { ZonedDate, isAmbiguousWallTime } from './zoned-date';

const statusOf = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
} as const;

/** `YYYY-MM-DD` → the UTC midnight ical-generator formats back to that same date (zone-less). */
function utcMidnight(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new Error(`invalid calendar date: ${date}`);
  }
  return d;
}

function nextDay(date: string): Date {
  return new Date(utcMidnight(date).getTime() + 86_400_000);
}

/**
 * Adds one entry. Timed entries carry TZID=<tz> and wall-clock times: with a native Date,
 * ical-generator would read the *process's* zone, so the instant is wrapped in a ZonedDate
 * that answers in `tz`. All-day entries stay zone-less dates. DTSTAMP is the entry's last change,
 * not the build time, so the same data always yields the same bytes (and the same ETag).
 */
export function addEntry(cal: ICalCalendar, entry: CalendarEntry, tz: string): ICalEvent {
  const ev = cal.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    stamp: entry.lastModified,
    created: entry.created,
    lastModified: entry.lastModified,
    summary: entry.summary,
    status: statusOf[entry.status],
    start: new Date(0),
  });
  if (isAllDay(entry)) {
    ev.timezone(null);
    ev.allDay(true);
    ev.start(utcMidnight(entry.date));
    ev.end(nextDay(entry.endDate ?? entry.date));
    // A date (a deadline), not an appointment: it must not block the day as busy.
    ev.transparency(ICalEventTransparency.TRANSPARENT);
  } else {
    if (!(entry.end.getTime() >= entry.start.getTime()))
      throw new Error(`entry ${entry.uid} ends before it starts`);
    if (isAmbiguousWallTime(entry.start, tz) || isAmbiguousWallTime(entry.end, tz)) {
      // In the hour that repeats, a wall-clock time names two instants: UTC names one.
      ev.timezone(null);
      ev.start(entry.start);
      ev.end(entry.end);
    } else {
      ev.timezone(tz);
      ev.start(new ZonedDate(entry.start, tz));
      ev.end(new ZonedDate(entry.end, tz));
    }
  }
  if (entry.description) ev.description(entry.description);
  if (entry.location) ev.location(entry.location);
  if (entry.url) ev.url(entry.url);
  if (entry.categories?.length) ev.categories(entry.categories.map((name) => ({ name })));
  return ev;
}
