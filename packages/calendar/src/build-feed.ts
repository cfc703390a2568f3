import ical, { ICalCalendarMethod, escape } from 'ical-generator';
import type { CalendarEntry } from './calendar-entry';
import { addEntry } from './add-entry';
import { finishIcs } from './finish-ics';
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
 */
export function buildFeed(opts: FeedOptions): string {
  const cal = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes NAME/X-WR-CALNAME/X-WR-CALDESC unescaped (a comma would split them).
    name: escape(opts.name, false),
    description: opts.description ? escape(opts.description, false) : null,
    ttl: opts.refreshSeconds,
    // A calendar-level zone name would make ical-generator write DTSTAMP, CREATED and
    // LAST-MODIFIED as local times without "Z"; RFC 5545 requires UTC there. So the calendar
    // carries only the generator and each timed event names its zone.
    timezone: { name: null, generator: vtimezoneOf },
  });
  if (opts.url) cal.url(opts.url);
  if (opts.url) cal.source(opts.url);
  const sorted = [...opts.entries].sort(compareEntries);
  for (const entry of sorted) addEntry(cal, entry, opts.timezone);
  // Google reads the calendar's zone from X-WR-TIMEZONE; it is no TZID reference, so an
  // all-day-only feed needs no VTIMEZONE for it.
  const header = [`X-WR-TIMEZONE:${opts.timezone}`];
  return finishIcs(cal.toString(), header);
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
