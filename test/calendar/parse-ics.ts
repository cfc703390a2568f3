import ICAL from 'ical.js';

/** One VEVENT as an independent parser (ical.js) reads it. */
export type ParsedEntry = {
  uid: string;
  sequence: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: string;
  /** Instant of DTSTART (zone applied) and the zone id written in the feed. */
  start: Date;
  end: Date;
  startTzid?: string;
  startIsDate: boolean;
  startLocal: string;
  categories: string[];
  hasAttendee: boolean;
  hasOrganizer: boolean;
};

export type ParsedCalendar = {
  method?: string;
  name?: string;
  refreshInterval?: string;
  publishedTtl?: string;
  timezones: string[];
  entries: ParsedEntry[];
};

/**
 * Parses with ical.js and registers the feed's own VTIMEZONEs, so DTSTART;TZID=… converts with
 * the definition the feed ships (what a client does), not with the test machine's zone data.
 */
export function parseIcs(text: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(text));
  const timezones = root.getAllSubcomponents('vtimezone');
  for (const tz of timezones) ICAL.TimezoneService.register(tz);
  const entries = root.getAllSubcomponents('vevent').map((c): ParsedEntry => {
    const ev = new ICAL.Event(c);
    const dtstart = c.getFirstProperty('dtstart')!;
    const str = (name: string) => {
      const v = c.getFirstPropertyValue(name);
      return v === null || v === undefined ? undefined : String(v);
    };
    return {
      uid: ev.uid,
      sequence: ev.sequence,
      summary: ev.summary,
      description: str('description'),
      location: str('location'),
      url: str('url'),
      status: str('status'),
      start: ev.startDate.toJSDate(),
      end: ev.endDate.toJSDate(),
      startTzid: (dtstart.getParameter('tzid') as string | undefined) ?? undefined,
      startIsDate: ev.startDate.isDate,
      startLocal: ev.startDate.toString(),
      categories: c.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      hasAttendee: c.getAllProperties('attendee').length > 0,
      hasOrganizer: c.getAllProperties('organizer').length > 0,
    };
  });
  const prop = (name: string) => {
    const v = root.getFirstPropertyValue(name);
    return v === null || v === undefined ? undefined : String(v);
  };
  return {
    method: prop('method'),
    name: prop('x-wr-calname'),
    refreshInterval: prop('refresh-interval'),
    publishedTtl: prop('x-published-ttl'),
    timezones: timezones.map((t) => String(t.getFirstPropertyValue('tzid'))),
    entries,
  };
}

/** Content lines as sent, folds intact, for octet-level checks. */
export function rawLines(text: string): string[] {
  return text.split('\r\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
}
