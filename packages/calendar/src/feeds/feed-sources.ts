import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { Organisation } from '@qn/auth';
import { Programme } from '@qn/funding';
import type { FeedEvent } from './event-entry';
import type { FeedProgramme } from './programme-entries';
import type { FeedRegistration } from './personal-entry';
import { DAY_MS, type FeedSettings } from './feed-settings';

/**
 * The only place feeds read the database, and only when a build is due (after an
 * invalidation or the cache's max age), never per request. The events domain's collections
 * are read by name with a narrow projection: feeds need a handful of fields and must keep
 * working while that domain's model grows.
 */
const EVENTS = 'events';
const REGISTRATIONS = 'event_registrations';

const eventProjection = {
  organisationId: 1,
  title: 1,
  description: 1,
  kind: 1,
  fieldsOfAction: 1,
  municipality: 1,
  venue: 1,
  onlineUrl: 1,
  startsAt: 1,
  endsAt: 1,
  status: 1,
  sequence: 1,
  publishedAt: 1,
  cancelledAt: 1,
  createdAt: 1,
  updatedAt: 1,
} as const;

function col(name: string) {
  return mongoose.connection.collection(name);
}

function normaliseEvent(d: Record<string, unknown>): FeedEvent {
  const e = d as unknown as FeedEvent;
  return {
    ...e,
    fieldsOfAction: Array.isArray(e.fieldsOfAction) ? e.fieldsOfAction : [],
    venue: e.venue ?? { name: '' },
    sequence: typeof e.sequence === 'number' ? e.sequence : 0,
    createdAt: e.createdAt ?? e.updatedAt ?? new Date(0),
    updatedAt: e.updatedAt ?? e.createdAt ?? new Date(0),
  };
}

/** Every event any public feed may show now (published or recently cancelled). */
export async function loadVisibleEvents(now: Date, s: FeedSettings): Promise<FeedEvent[]> {
  const since = new Date(now.getTime() - Math.max(s.pastDays, s.cancelledRetentionDays) * DAY_MS);
  const docs = await col(EVENTS)
    .find(
      { status: { $in: ['published', 'cancelled'] }, endsAt: { $gte: since } },
      { projection: eventProjection },
    )
    .toArray();
  return docs.map((d) => normaliseEvent(d));
}

export async function loadEventsByIds(ids: string[]): Promise<FeedEvent[]> {
  const oids = ids
    .filter((id) => mongoose.isObjectIdOrHexString(id))
    .map((id) => new mongoose.Types.ObjectId(id));
  if (oids.length === 0) return [];
  const docs = await col(EVENTS)
    .find(
      { _id: { $in: oids }, status: { $in: ['published', 'cancelled'] } },
      { projection: eventProjection },
    )
    .toArray();
  return docs.map((d) => normaliseEvent(d));
}

export async function loadOrganisationNames(): Promise<Map<string, string>> {
  const orgs = await Organisation.find({}, { name: 1 }).lean();
  return new Map(orgs.map((o) => [String(o._id), o.name]));
}

export async function loadPublishedProgrammes(): Promise<FeedProgramme[]> {
  const docs = await Programme.find(
    { status: 'published' },
    {
      title: 1,
      provider: 1,
      providerName: 1,
      summary: 1,
      deadlines: 1,
      links: 1,
      status: 1,
      createdAt: 1,
      updatedAt: 1,
    },
  ).lean();
  return docs as unknown as FeedProgramme[];
}

/** The events domain stores only SHA-256 (hex) of a registration's manage token. */
export async function findRegistrantByManageToken(manageToken: string): Promise<{ email: string } | null> {
  const hash = createHash('sha256').update(manageToken).digest('hex');
  const r = await col(REGISTRATIONS).findOne(
    { manageTokenHash: hash },
    { projection: { email: 1, anonymisedAt: 1 } },
  );
  if (!r || r.anonymisedAt) return null;
  const email = r.email;
  return typeof email === 'string' && email.includes('@') ? { email } : null;
}

export async function loadRegistrationsOf(email: string): Promise<FeedRegistration[]> {
  const docs = await col(REGISTRATIONS)
    .find(
      { email },
      {
        projection: { eventId: 1, status: 1, offerExpiresAt: 1, cancelledAt: 1, updatedAt: 1, createdAt: 1 },
      },
    )
    .toArray();
  return docs.map((d) => ({
    _id: d._id,
    eventId: String(d.eventId),
    status: d.status as FeedRegistration['status'],
    offerExpiresAt: d.offerExpiresAt as Date | undefined,
    cancelledAt: d.cancelledAt as Date | undefined,
    updatedAt: (d.updatedAt ?? d.createdAt ?? new Date(0)) as Date,
  }));
}
