import { EVENT_KINDS, FIELDS_OF_ACTION, labelOf, municipalityName } from '@qn/domain';
import type { CalendarEntry } from '../calendar-entry';
import { eventUid } from '../ids';
import type { FeedSettings } from './feed-settings';

/** The part of an event a feed shows: the events domain's model, structurally. */
export type FeedEvent = {
  _id: unknown;
  organisationId: string;
  title: string;
  description: string;
  kind: string;
  fieldsOfAction: string[];
  municipality: string;
  venue: { name: string; street?: string; postalCode?: string; city?: string };
  onlineUrl?: string;
  startsAt: Date;
  endsAt: Date;
  status: 'draft' | 'published' | 'cancelled';
  sequence: number;
  publishedAt?: Date;
  cancelledAt?: Date;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Where an event takes place. The meeting link of an online or hybrid event goes only to
 * confirmed attendees (their mails and their personal feed), never into a public feed, where
 * anyone could join without a seat.
 */
export function locationOf(
  e: Pick<FeedEvent, 'venue' | 'onlineUrl'>,
  opts: { withLink?: boolean } = {},
): string {
  const v = e.venue;
  const place = [v.name, v.street, [v.postalCode, v.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  if (!e.onlineUrl) return place;
  if (opts.withLink) return place ? `${place} (online: ${e.onlineUrl})` : `Online: ${e.onlineUrl}`;
  return place ? `${place} (auch online)` : 'Online';
}

/** The line a public entry carries for an online event instead of its link. */
export const ONLINE_NOTE = 'Online-Teilnahme: Den Zugangslink erhalten bestätigte Teilnehmende per E-Mail.';

/**
 * One published or cancelled event as a public entry. The description ends with the event
 * page, where registration happens; no attendee or contact person's data goes into a feed.
 */
export function eventEntry(
  e: FeedEvent,
  organisationName: string | undefined,
  s: FeedSettings,
): CalendarEntry {
  const id = String(e._id);
  const page = s.eventPageUrl(id);
  const cancelled = e.status === 'cancelled';
  const facts = [
    `Art: ${labelOf(EVENT_KINDS, e.kind)}`,
    e.fieldsOfAction.length
      ? `Handlungsfelder: ${e.fieldsOfAction.map((f) => labelOf(FIELDS_OF_ACTION, f)).join(', ')}`
      : undefined,
    `Kommune: ${municipalityName(e.municipality)}`,
    organisationName ? `Veranstalter: ${organisationName}` : undefined,
    e.onlineUrl ? ONLINE_NOTE : undefined,
  ].filter(Boolean);
  const description = [
    cancelled ? 'Diese Veranstaltung ist abgesagt.' : undefined,
    e.description,
    facts.join('\n'),
    cancelled ? `Details: ${page}` : `Details und Anmeldung: ${page}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    uid: eventUid(id),
    sequence: e.sequence,
    start: e.startsAt,
    end: e.endsAt,
    summary: cancelled ? `Abgesagt: ${e.title}` : e.title,
    description,
    location: locationOf(e),
    url: page,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    categories: [labelOf(EVENT_KINDS, e.kind), ...e.fieldsOfAction.map((f) => labelOf(FIELDS_OF_ACTION, f))],
    created: e.createdAt,
    lastModified: e.updatedAt,
  };
}

/**
 * Whether an event belongs in public feeds now: published and not long past, or cancelled
 * after it was public and still within the retention after its end.
 */
export function isFeedVisible(
  e: Pick<FeedEvent, 'status' | 'endsAt' | 'publishedAt'>,
  now: Date,
  s: FeedSettings,
): boolean {
  const end = e.endsAt.getTime();
  if (e.status === 'published') return end >= now.getTime() - s.pastDays * 86_400_000;
  if (e.status === 'cancelled') {
    return !!e.publishedAt && end >= now.getTime() - s.cancelledRetentionDays * 86_400_000;
  }
  return false;
}
