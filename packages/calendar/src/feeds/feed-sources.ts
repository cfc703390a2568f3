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

const REGISTRANT_INDEX = 'event_registrant_index';
const LOOKUP_BACKFILLS = 'event_lookup_backfills';

/**
 * The registration a manage token names (its first 12 bytes are the registration's id,
 * docs/adr/0010): one read by `_id`, then the stored SHA-256 of the whole token decides.
 */
function registrationIdOf(manageToken: string): mongoose.Types.ObjectId | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(manageToken)) return null;
  const raw = Buffer.from(manageToken, 'base64url');
  return raw.length === 32 ? new mongoose.Types.ObjectId(raw.subarray(0, 12).toString('hex')) : null;
}

export async function findRegistrantByManageToken(manageToken: string): Promise<{ email: string } | null> {
  const _id = registrationIdOf(manageToken);
  if (!_id) return null;
  const hash = createHash('sha256').update(manageToken).digest('hex');
  const r = await col(REGISTRATIONS).findOne(
    { _id },
    { projection: { email: 1, anonymisedAt: 1, manageTokenHash: 1 } },
  );
  if (!r || r.anonymisedAt || r.manageTokenHash !== hash) return null;
  const email = r.email;
  return typeof email === 'string' && email.includes('@') ? { email } : null;
}

const registrationProjection = {
  eventId: 1,
  email: 1,
  status: 1,
  offerExpiresAt: 1,
  cancelledAt: 1,
  updatedAt: 1,
  createdAt: 1,
  anonymisedAt: 1,
} as const;

/**
 * One person's registrations, by `_id` reads only: the address's index (the events domain
 * keeps it under the registrant key, the same HMAC as the person's feed record, docs/adr/0011),
 * then each registration. The registration decides: one that no longer carries the address is
 * skipped. Until the events domain's backfill has run, the old query by address runs as well.
 */
export async function loadRegistrationsOf(key: string, email: string): Promise<FeedRegistration[]> {
  const index = await col(REGISTRANT_INDEX).findOne({ _id: key as never });
  const ids = new Set<string>(Array.isArray(index?.registrationIds) ? index.registrationIds.map(String) : []);
  const docs: Record<string, unknown>[] = [];
  for (const id of ids) {
    if (!mongoose.isObjectIdOrHexString(id)) continue;
    const d = await col(REGISTRATIONS).findOne(
      { _id: new mongoose.Types.ObjectId(id) },
      { projection: registrationProjection },
    );
    if (d) docs.push(d);
  }
  if (!(await col(LOOKUP_BACKFILLS).findOne({ _id: 'registrant-index' as never }))) {
    for (const d of await col(REGISTRATIONS)
      .find({ email }, { projection: registrationProjection })
      .toArray())
      if (!ids.has(String(d._id))) docs.push(d);
  }
  return docs
    .filter((d) => d.email === email && !d.anonymisedAt)
    .map((d) => ({
      _id: d._id,
      eventId: String(d.eventId),
      status: d.status as FeedRegistration['status'],
      offerExpiresAt: d.offerExpiresAt as Date | undefined,
      cancelledAt: d.cancelledAt as Date | undefined,
      updatedAt: (d.updatedAt ?? d.createdAt ?? new Date(0)) as Date,
    }));
}
