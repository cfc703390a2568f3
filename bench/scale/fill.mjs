import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * The bench's data, written straight into the collections in bulk (a public sign-up at a time
 * would take hours at 500,000), each document shaped as the domain function that writes it in
 * production leaves it, pointer and key documents included: the public paths find records by
 * those `_id`s, so a missing pointer would time a fallback instead of the real path. Every
 * identity is derived from its index, so the timing side can name a record by number, and a
 * larger size only appends the indices a smaller one did not write.
 */
const require = createRequire(import.meta.url);
const mongoose = require('mongoose');
const { addressHash } = require('@qn/mail');
const newsletter = require('@qn/newsletter');
const funding = require('@qn/funding');
const events = require('@qn/events');
const calendar = require('@qn/calendar');

const BATCH = 2500;
const DAY = 86_400_000;
const MUNICIPALITIES = ['esslingen-am-neckar', 'nuertingen', 'kirchheim-unter-teck', 'filderstadt'];
const FIELDS = ['wohnen', 'teilhabe', 'mobilitaet', 'digitalisierung', 'engagement'];

const derived = (label, i, length) =>
  createHash('sha256').update(`bench-scale:${label}:${i}`).digest('base64url').slice(0, length);

export const newsletterAddress = (i) => `leser.${i}@quartier-bench.example.org`;
export const fundingAddress = (i) => `foerderung.${i}@quartier-bench.example.org`;
export const personAddress = (k) => `teilnehmerin.${k}@quartier-bench.example.org`;

/** Every 20th newsletter address unsubscribed (and suppressed), as `stopAddress` leaves it. */
export const newsletterStatusOf = (i) => (i % 20 === 19 ? 'unsubscribed' : 'confirmed');
/** Every 10th funding sign-up still pending, the others confirmed. */
export const fundingStatusOf = (i) => (i % 10 === 9 ? 'pending' : 'confirmed');
/** Registration i: person ⌊i/2⌋ (two registrations each), event i mod E, seat ⌊i/E⌋ + 1. */
export const personOf = (i) => Math.floor(i / 2);
/** Every 5th person asked for a personal calendar feed. */
export const hasFeed = (k) => k % 5 === 0;

export const fundingIdOf = (i) => derived('funding-id', i, 12);
export const fundingSaltOf = (i) => derived('funding-salt', i, 22);
export const registrationIdOf = (i) =>
  createHash('sha256').update(`bench-scale:registration:${i}`).digest('hex').slice(0, 24);

function newsletterDocs(i, s) {
  const email = newsletterAddress(i);
  const hash = addressHash(email, s.secret);
  const at = new Date(s.now - (i % 700) * DAY);
  const status = newsletterStatusOf(i);
  const sub = {
    _id: newsletter.subscriberIdOf(s.listId, hash),
    listId: s.listId,
    email,
    addressHash: hash,
    lang: i % 7 === 0 ? 'en' : 'de',
    status,
    consent: {
      at,
      requestedAt: at,
      method: 'form',
      textVersion: newsletter.CONSENT_TEXT_VERSION,
    },
    attributes: {
      municipality: MUNICIPALITIES[i % MUNICIPALITIES.length],
      fieldsOfAction: [FIELDS[i % FIELDS.length]],
    },
    confirmRequestedAt: at,
    confirmedAt: at,
    createdAt: at,
    updatedAt: at,
  };
  if (i % 3 === 0) sub.name = `Leserin ${i}`;
  if (status !== 'unsubscribed') return { sub };
  sub.unsubscribedAt = new Date(at.getTime() + DAY);
  return { sub, suppression: { _id: hash, reason: 'unsubscribed', at: sub.unsubscribedAt } };
}

function fundingDocs(i, s) {
  const email = fundingAddress(i);
  const emailHash = addressHash(email, s.secret);
  const base = { _id: fundingIdOf(i), tokenSalt: fundingSaltOf(i) };
  const hashes = funding.tokenHashes(base, s.secret);
  const status = fundingStatusOf(i);
  // Pending ones are recent (their link still works); confirmed ones up to two years old.
  const at = new Date(
    s.now - (status === 'pending' ? i % 20 : i % 700) * (status === 'pending' ? 3_600_000 : DAY),
  );
  const filters = { fieldsOfAction: [FIELDS[i % FIELDS.length]], municipalities: [MUNICIPALITIES[i % 4]] };
  const sub = {
    ...base,
    ...hashes,
    email,
    emailHash,
    status,
    match: funding.toStoredMatch(filters),
    keywords: [],
    frequency: i % 4 === 0 ? 'weekly' : 'immediate',
    reminders: true,
    consent: {
      textVersion: funding.CONSENT_TEXT_VERSION,
      requestedAt: at,
      filters,
      frequency: i % 4 === 0 ? 'weekly' : 'immediate',
      reminders: true,
    },
    createdAt: at,
    updatedAt: at,
  };
  if (status === 'pending') sub.expiresAt = new Date(at.getTime() + 72 * 3_600_000);
  else {
    sub.confirmedAt = at;
    sub.consent.confirmedAt = at;
  }
  return {
    sub,
    tokenKeys: funding.tokenKeysOf(sub),
    addressKey: { _id: funding.addressKeyId(emailHash, 0), subscriptionId: base._id, createdAt: at },
  };
}

function registrationDocs(i, s) {
  const k = personOf(i);
  const email = personAddress(k);
  const eventId = s.eventIds[i % s.eventIds.length];
  const seatNo = Math.floor(i / s.eventIds.length) + 1;
  const id = registrationIdOf(i);
  const at = new Date(s.now - (i % 30) * DAY);
  const reg = {
    _id: new mongoose.Types.ObjectId(id),
    eventId,
    email,
    name: `Teilnehmerin ${k}`,
    companions: 0,
    status: 'confirmed',
    confirmedAt: at,
    manageTokenHash: events.hashManageToken(events.manageTokenOf(s.secret, id)),
    consentAt: at,
    consentTextVersion: events.CONSENT_TEXT_VERSION,
    source: 'self',
    createdAt: at,
    updatedAt: at,
  };
  const out = {
    reg,
    key: { _id: events.addressKeyOf(eventId, email), registrationId: id },
    seat: { _id: events.seatId(eventId, seatNo), eventId, seatNo, registrationId: id, takenAt: at },
  };
  // The address index (docs/adr/0011) lists both of a person's registrations: written with
  // the first, since sizes are even and both fall into one batch.
  if (i % 2 === 0) {
    out.index = {
      _id: calendar.registrantKey(s.secret, email),
      registrationIds: [id, registrationIdOf(i + 1)],
      updatedAt: at,
    };
  }
  if (i % 2 === 0 && hasFeed(k)) {
    const key = calendar.registrantKey(s.secret, email);
    const tokenHash = calendar.hashFeedToken(calendar.personalFeedToken(s.secret, key, 1));
    out.feed = { _id: key, email, version: 1, tokenHash, revokedAt: null, createdAt: at, updatedAt: at };
    out.feedKey = { _id: tokenHash, feedId: key };
  }
  return out;
}

async function insert(name, docs) {
  if (docs.length) await mongoose.connection.collection(name).insertMany(docs, { ordered: false });
}

/**
 * Appends indices [from, to) of every kind. Batches run two at a time: FerretDB's SQLite
 * writer takes one at a time anyway, the second keeps it busy while the first is encoded.
 */
export async function fill(from, to, s, onProgress = () => {}) {
  if (from % 2 || to % 2) throw new Error('sizes must be even: each person has two registrations');
  const batches = [];
  for (let b = from; b < to; b += BATCH) batches.push([b, Math.min(to, b + BATCH)]);
  let done = 0;
  const one = async ([a, b]) => {
    const nl = { sub: [], suppression: [] };
    const fu = { sub: [], tokenKeys: [], addressKey: [] };
    const ev = { reg: [], key: [], seat: [], index: [], feed: [], feedKey: [] };
    for (let i = a; i < b; i++) {
      const n = newsletterDocs(i, s);
      nl.sub.push(n.sub);
      if (n.suppression) nl.suppression.push(n.suppression);
      const f = fundingDocs(i, s);
      fu.sub.push(f.sub);
      fu.tokenKeys.push(...f.tokenKeys);
      fu.addressKey.push(f.addressKey);
      const r = registrationDocs(i, s);
      ev.reg.push(r.reg);
      ev.key.push(r.key);
      ev.seat.push(r.seat);
      if (r.index) ev.index.push(r.index);
      if (r.feed) ev.feed.push(r.feed);
      if (r.feedKey) ev.feedKey.push(r.feedKey);
    }
    await insert('newsletter_subscribers', nl.sub);
    await insert('suppressions', nl.suppression);
    await insert('funding_subscription_address_keys', fu.addressKey);
    await insert('funding_subscription_token_keys', fu.tokenKeys);
    await insert('funding_subscriptions', fu.sub);
    await insert('event_registrations', ev.reg);
    await insert('event_registration_keys', ev.key);
    await insert('event_seats', ev.seat);
    await insert('event_registrant_index', ev.index);
    await insert('calendar_personal_feed_token_keys', ev.feedKey);
    await insert('calendar_personal_feeds', ev.feed);
    done += b - a;
    onProgress(done);
  };
  const queue = batches.slice();
  await Promise.all(
    [0, 1].map(async () => {
      while (queue.length) await one(queue.shift());
    }),
  );
}

/**
 * What the finished backfills leave (docs/adr/0009, 0011): without the markers, funding's
 * confirm and privacy look-ups and the events' address index also run the old scan by
 * address, which a fresh installation never needs.
 */
export async function markBackfillDone(now) {
  const marker = { $set: { doneAt: new Date(now), added: 0 } };
  await mongoose.connection
    .collection('funding_lookup_backfills')
    .updateOne({ _id: 'subscription-address-keys' }, marker, { upsert: true });
  await mongoose.connection
    .collection('event_lookup_backfills')
    .updateOne({ _id: 'registrant-index' }, marker, { upsert: true });
}
