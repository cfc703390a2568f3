import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { EventDoc } from './models/event';

export type IcsMethod = 'REQUEST' | 'CANCEL';

/** Stable across every change of the event, so calendars update the entry they imported. */
export function eventIcsUid(eventId: string): string {
  return `event-${eventId}@quartiersnetz`;
}

export function venueLine(event: Pick<EventDoc, 'venue' | 'onlineUrl'>): string {
  const v = event.venue;
  const place = [v.name, v.street, [v.postalCode, v.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return event.onlineUrl ? `${place} (online: ${event.onlineUrl})` : place;
}

/**
 * The .ics attached to registration mails (RFC 5546): REQUEST for a confirmation or an update,
 * CANCEL when the event or the registration is off. Same UID every time, SEQUENCE from the
 * event, so a client that imported the first one updates or removes that same entry.
 */
export function buildEventIcs(opts: {
  event: Pick<
    EventDoc,
    '_id' | 'title' | 'description' | 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl' | 'sequence' | 'contact'
  >;
  method: IcsMethod;
  url: string;
  attendee: { name?: string; email: string };
}): { content: string; method: IcsMethod; filename: string } {
  const e = opts.event;
  const cal = ical({
    prodId: { company: 'Landkreis Esslingen', product: 'Quartiersnetz', language: 'DE' },
    method: opts.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const ev = cal.createEvent({
    id: eventIcsUid(String(e._id)),
    sequence: e.sequence,
    start: e.startsAt,
    end: e.endsAt,
    summary: e.title,
    description: e.description,
    location: venueLine(e),
    url: opts.url,
    status: opts.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: new Date(),
  });
  ev.organizer({ name: e.contact.name, email: e.contact.email });
  ev.createAttendee({ email: opts.attendee.email, name: opts.attendee.name, rsvp: false });
  return {
    content: cal.toString(),
    method: opts.method,
    filename: opts.method === 'CANCEL' ? 'absage.ics' : 'einladung.ics',
  };
}
