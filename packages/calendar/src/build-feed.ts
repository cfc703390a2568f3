import ical, { ICalCalendarMethod, escape } from 'ical-generator';
import type { CalendarEntry } from './calendar-entry';
import { addEntry } from './add-entry';
import { foldLines } from './fold-lines';
import { vtimezoneOf } from './vtimezone';

export const PRODUCT_ID = { company: 'Landkreis Esslingen', product: 'Quartiersnetz', language: 'DE' };

export type FeedOptions = {
  /** X-WR-CALNAME / NAME: what the calendar app shows for the subscription. */
  name: string;
  description?: string;
  /** IANA zone of DTSTART/DTEND of timed entries; its VTIMEZONE is embedded. */
  timezone: string;
  /** How often clients should poll (REFRESH-INTERVAL and X-PUBLISHED-TTL), in seconds. */
  refreshSeconds: number;
  /** The feed's own URL (URL and SOURCE), optional. */
  url?: string;
  entries: CalendarEntry[];
};

/**
 * A subscribable VCALENDAR with METHOD:PUBLISH and no attendee data. Deterministic: the same
 * options give the same bytes, which makes a strong ETag meaningful across processes.
 *
 * ical-generator writes the calendar's properties and each VEVENT; the parts are put together
 * here because its calendar-level toString() folds the whole text character by character (the
 * largest cost of a 1,000-event feed) and can only place X- properties after the components.
 */
export function buildFeed(opts: FeedOptions): string {
  const head = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes NAME/X-WR-CALNAME/X-WR-CALDESC unescaped (a comma would split them).
    name: escape(opts.name, false),
    description: opts.description ? escape(opts.description, false) : null,
    ttl: opts.refreshSeconds,
  });
  if (opts.url) head.url(opts.url);
  if (opts.url) head.source(opts.url);
  // A calendar-level zone name would make ical-generator write DTSTAMP, CREATED and
  // LAST-MODIFIED as local times without "Z"; RFC 5545 requires UTC there. So the events'
  // calendar has no zone and each timed event names its own.
  const holder = ical({ timezone: null });
  const sorted = [...opts.entries].sort(compareEntries);
  const events = sorted.map((entry) => addEntry(holder, entry, opts.timezone).toString()).join('');
  // Google reads the calendar's zone from X-WR-TIMEZONE; the VTIMEZONE defines the TZID that
  // timed entries reference (an all-day-only feed references none).
  const zone = [`X-WR-TIMEZONE:${opts.timezone}\r\n`];
  if (sorted.some((e) => !e.allDay)) {
    const vtz = vtimezoneOf(opts.timezone);
    if (vtz) zone.push(vtz.trim().replace(/\r?\n/g, '\r\n') + '\r\n');
  }
  const calendar = head.toString();
  const end = calendar.lastIndexOf('END:VCALENDAR');
  return (
    calendar.slice(0, end) + zone.join('') + foldLines(events.replace(/\r\n$/, '')) + '\r\nEND:VCALENDAR\r\n'
  );
}

function sortKey(e: CalendarEntry): string {
  return e.allDay ? `${e.date}T00:00:00.000Z` : e.start.toISOString();
}

/** Stable order (start, then uid) so equal data always serialises identically. */
function compareEntries(a: CalendarEntry, b: CalendarEntry): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}
