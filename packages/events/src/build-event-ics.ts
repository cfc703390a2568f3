import { buildInvitationIcs, eventUid, type InvitationMethod } from '@qn/calendar';
import type { EventDoc } from './models/event';

export type IcsMethod = InvitationMethod;

/** Stable across every change of the event and equal to the feeds' UID (`event-<id>@quartiersnetz`). */
export function eventIcsUid(eventId: string): string {
  return eventUid(eventId);
}

/**
 * Where the event is, in words. The meeting link of an online or hybrid event is given only
 * where the reader holds a seat (`withLink`): pages, the API and public feeds say only that
 * confirmed attendees receive it.
 */
export function venueLine(
  event: Pick<EventDoc, 'venue' | 'onlineUrl'>,
  opts: { withLink?: boolean } = {},
): string {
  const v = event.venue;
  const place = [v.name, v.street, [v.postalCode, v.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  if (!event.onlineUrl) return place;
  if (opts.withLink) return place ? `${place} (online: ${event.onlineUrl})` : `Online: ${event.onlineUrl}`;
  return place ? `${place} (auch online)` : 'Online';
}

export type IcsEvent = Pick<
  EventDoc,
  | '_id'
  | 'title'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'venue'
  | 'onlineUrl'
  | 'sequence'
  | 'contact'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * The .ics attached to registration mails (RFC 5546, built by @qn/calendar with the
 * Europe/Berlin VTIMEZONE): REQUEST for a confirmation or an update, CANCEL when the event or
 * the registration is off. Same UID every time, SEQUENCE from the event, so a client that
 * imported the first one updates or removes that same entry.
 */
export function buildEventIcs(opts: {
  event: IcsEvent;
  method: IcsMethod;
  url: string;
  attendee: { name?: string; email: string };
  timeZone: string;
  /** The recipient holds a seat: the meeting link goes into the entry. */
  withLink?: boolean;
  /** When the fact this message tells happened (a cancellation, a confirmation); default the event's last change. */
  stamp?: Date;
}): { content: string; method: IcsMethod; filename: string } {
  const e = opts.event;
  return buildInvitationIcs({
    method: opts.method,
    timezone: opts.timeZone,
    entry: {
      uid: eventIcsUid(String(e._id)),
      sequence: e.sequence,
      start: e.startsAt,
      end: e.endsAt,
      summary: e.title,
      description: `${e.description}\n\n${opts.withLink && e.onlineUrl ? `Online: ${e.onlineUrl}\n\n` : ''}${opts.url}`,
      location: venueLine(e, { withLink: opts.withLink }),
      url: opts.url,
      status: 'CONFIRMED',
      created: e.createdAt,
      lastModified: e.updatedAt,
    },
    organizer: { name: e.contact.name, email: e.contact.email },
    stamp: opts.stamp && opts.stamp > e.updatedAt ? opts.stamp : undefined,
    attendee: {
      name: opts.attendee.name,
      email: opts.attendee.email,
      status: opts.method === 'CANCEL' ? 'declined' : 'accepted',
    },
  });
}
