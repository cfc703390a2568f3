import ical, { ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';
import type { CalendarEntry } from './calendar-entry';
import { addEntry } from './add-entry';
import { PRODUCT_ID } from './build-feed';
import { finishIcs } from './finish-ics';
import { vtimezoneOf } from './vtimezone';

export type InvitationMethod = 'REQUEST' | 'CANCEL';

export type InvitationOptions = {
  /**
   * REQUEST: invitation or update (same uid, higher sequence). CANCEL: the entry is off; the
   * entry's status is then written as CANCELLED whatever it says.
   */
  method: InvitationMethod;
  entry: CalendarEntry;
  timezone: string;
  /** iTIP requires an ORGANIZER: the office or the organising organisation's address. */
  organizer: { name: string; email: string };
  /** The one recipient of this mail; only mails carry attendee data, never feeds. */
  attendee: { name?: string; email: string; status: 'accepted' | 'tentative' | 'declined' | 'needs-action' };
  /**
   * DTSTAMP: when this message was made (RFC 5546). A client keeps the newest of the messages
   * for one UID by (SEQUENCE, DTSTAMP), so a CANCEL for one attendee, which leaves SEQUENCE as
   * it is, must carry the time of the cancellation. Default: the entry's last change.
   */
  stamp?: Date;
};

const partstat = {
  accepted: ICalAttendeeStatus.ACCEPTED,
  tentative: ICalAttendeeStatus.TENTATIVE,
  declined: ICalAttendeeStatus.DECLINED,
  'needs-action': ICalAttendeeStatus.NEEDSACTION,
} as const;

/**
 * A single-event iCalendar object for a mail attachment (RFC 5546 iTIP): use its `content` with
 * `method` and `filename` as the `ical` field of the `mail.send` job. Keep `entry.uid` equal to
 * the feed's uid and raise `entry.sequence` on every change, so a client that imported the
 * invitation updates or removes that same entry.
 */
export function buildInvitationIcs(opts: InvitationOptions): {
  content: string;
  method: InvitationMethod;
  filename: string;
} {
  const cal = ical({
    prodId: PRODUCT_ID,
    method: opts.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: vtimezoneOf },
  });
  const entry: CalendarEntry = opts.method === 'CANCEL' ? { ...opts.entry, status: 'CANCELLED' } : opts.entry;
  const ev = addEntry(cal, entry, opts.timezone);
  if (opts.stamp) ev.stamp(opts.stamp);
  ev.organizer({ name: opts.organizer.name, email: opts.organizer.email });
  ev.createAttendee({
    email: opts.attendee.email,
    name: opts.attendee.name,
    status: partstat[opts.attendee.status],
    rsvp: false,
  });
  return {
    content: finishIcs(cal.toString(), []),
    method: opts.method,
    filename: opts.method === 'CANCEL' ? 'absage.ics' : 'einladung.ics',
  };
}
