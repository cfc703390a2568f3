import type { CalendarEntry } from '../calendar-entry';
import { eventUid } from '../ids';
import { eventEntry, locationOf, ONLINE_NOTE, type FeedEvent } from './event-entry';
import type { FeedSettings } from './feed-settings';

export type FeedRegistrationStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'offer-expired';

/** The part of a registration a personal feed shows: its status, nothing about the person. */
export type FeedRegistration = {
  _id: unknown;
  eventId: string;
  status: FeedRegistrationStatus;
  offerExpiresAt?: Date;
  cancelledAt?: Date;
  updatedAt: Date;
};

const label: Record<FeedRegistrationStatus, string> = {
  confirmed: 'Angemeldet',
  waitlisted: 'Warteliste',
  offered: 'Platz angeboten',
  cancelled: 'Abgemeldet',
  'offer-expired': 'Angebot abgelaufen',
};

// Rank along the usual path (waitlist → offer → confirmed → off), added to the event's
// sequence: each step and each change of the event raises SEQUENCE.
const rank: Record<FeedRegistrationStatus, number> = {
  waitlisted: 0,
  offered: 1,
  confirmed: 2,
  cancelled: 3,
  'offer-expired': 3,
};

function germanDateTime(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/**
 * One person's registration as their own entry: the event as in the public feed, plus their
 * status in SUMMARY and DESCRIPTION. A registration that is off, or an event that is
 * cancelled, shows as STATUS:CANCELLED; waiting list and open offers as TENTATIVE.
 */
export function personalEntry(
  r: FeedRegistration,
  e: FeedEvent,
  organisationName: string | undefined,
  s: FeedSettings,
): CalendarEntry {
  const base = eventEntry(e, organisationName, s);
  const off = r.status === 'cancelled' || r.status === 'offer-expired';
  const eventCancelled = e.status === 'cancelled';
  // The meeting link is for those with a seat: confirmed, and the event still on.
  const confirmed = r.status === 'confirmed' && !eventCancelled && !!e.onlineUrl;
  let statusLine = `Ihr Status: ${label[r.status]}`;
  if (r.status === 'offered' && r.offerExpiresAt) {
    statusLine += ` – bitte bis ${germanDateTime(r.offerExpiresAt, s.timezone)} annehmen`;
  }
  return {
    ...base,
    // The invitation mails' UID (@qn/events): one entry per event and person, wherever it came from.
    uid: eventUid(r.eventId),
    sequence: e.sequence + rank[r.status],
    summary: eventCancelled
      ? base.summary
      : r.status === 'confirmed'
        ? e.title
        : `${label[r.status]}: ${e.title}`,
    description:
      `${statusLine}\n\n${confirmed ? (base.description ?? '').replace(ONLINE_NOTE, `Online: ${e.onlineUrl}`) : (base.description ?? '')}`.trim(),
    location: locationOf(e, { withLink: confirmed }),
    status: eventCancelled || off ? 'CANCELLED' : r.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE',
    lastModified: r.updatedAt > e.updatedAt ? r.updatedAt : e.updatedAt,
  };
}
