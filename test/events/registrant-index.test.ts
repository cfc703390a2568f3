import request from 'supertest';
import { eventUid, registrantKey } from '@qn/calendar';
import {
  Event,
  EventLookupBackfill,
  RegistrantIndex,
  Registration,
  anonymiseEventRegistrations,
  backfillRegistrantIndex,
  createEvent,
  eventsDepsOf,
  manageTokenOf,
  publishEvent,
  reconcileEvents,
  registerAttendee,
  registrationIdsOfAddress,
  registrationsOfAddress,
} from '@qn/events';
import { eventually, notById, queriesDuring, waitForMail } from '@qn/testing';
import { eventFields } from './events-fixtures';
import { eventsStack } from './support/all-in-one-stack';

/**
 * The address index (docs/adr/0011): one document per address, by `_id`, listing its
 * registrations, so "all my registrations" and the personal calendar feed cost reads by `_id`
 * alone, whatever the collection holds. Checked by the queries the driver is asked to run and by
 * what is stored, never by timing.
 */
const ADMIN_TOKEN = 'registrant-index-admin-token-0123456789';
const s = eventsStack('regidx', { ADMIN_TOKEN });
const deps = () => eventsDepsOf(s.aio.rt);
const keyOf = (email: string) => registrantKey(s.config.SECRET_KEY, email);

async function publishedEvent(overrides: Parameters<typeof eventFields>[0] = {}, days = 10) {
  const e = await createEvent(deps(), {
    ...eventFields(overrides, days),
    organisationId: 'stadt-nuertingen',
  });
  await publishEvent(deps(), { eventId: String(e._id) });
  return String(e._id);
}

const register = (eventId: string, email: string, name = 'Anna Schäfer') =>
  registerAttendee(deps(), { eventId, name, email, source: 'self' });

const indexed = async (email: string) =>
  ((await RegistrantIndex.findById(keyOf(email)).lean())?.registrationIds ?? []).slice().sort();

/** The filters sent to these collections while `fn` runs (the workers share the process). */
async function queriesOn(collections: string[], fn: () => Promise<unknown>) {
  const { queries } = await queriesDuring(fn);
  return queries.filter((q) => collections.includes(q.collection));
}

const LOOKED_AT = ['event_registrations', 'event_registrant_index', 'event_lookup_backfills'];

describe('the address index', () => {
  it('the backfill indexes registrations from before it; until then readers also query by address', async () => {
    const email = `before-${s.db}@example.org`;
    const id = String((await register(await publishedEvent(), email)).registration._id);
    // As if stored before the index existed.
    await RegistrantIndex.deleteOne({ _id: keyOf(email) });
    await EventLookupBackfill.deleteMany({});
    expect(await registrationIdsOfAddress(deps(), email)).toEqual([id]);

    await backfillRegistrantIndex(deps());
    expect(await indexed(email)).toEqual([id]);
    expect(await EventLookupBackfill.findById('registrant-index').lean()).not.toBeNull();
    // Done once: a second run only reads its marker.
    expect(await backfillRegistrantIndex(deps())).toEqual({ added: 0, skipped: true });
  });

  it('the reconciler makes good an index write that was lost', async () => {
    const email = `lost-${s.db}@example.org`;
    const id = String((await register(await publishedEvent(), email)).registration._id);
    // As if the process died between the registration and its index write.
    await RegistrantIndex.deleteOne({ _id: keyOf(email) });
    await reconcileEvents(deps(), { sinceMinutes: 60 });
    expect(await indexed(email)).toEqual([id]);
  });

  it('keeps every one of many registrations of one address made at once', async () => {
    const email = `many-${s.db}@example.org`;
    const events = await Promise.all(Array.from({ length: 15 }, () => publishedEvent()));
    const results = await Promise.all(events.map((e) => register(e, email)));
    const ids = results.map((r) => String(r.registration._id)).sort();
    expect(new Set(ids).size).toBe(15);
    expect(await indexed(email)).toEqual(ids);
    expect((await registrationsOfAddress(deps(), email)).map((r) => r.event._id.toString()).sort()).toEqual(
      [...events].sort(),
    );
  });

  it('the page and the personal feed read registrations by _id only', async () => {
    await backfillRegistrantIndex(deps());
    const email = `reader-${s.db}@example.org`;
    const open = await publishedEvent({ title: 'Fachgespräch Wohnen im Alter' }, 12);
    const full = await publishedEvent({ title: 'Workshop Nachbarschaftshilfe', capacity: 1 }, 14);
    await register(full, `first-${s.db}@example.org`, 'Erik Erster');
    const a = await register(open, email);
    const b = await register(full, email);
    expect([a.outcome, b.outcome]).toEqual(['confirmed', 'waitlisted']);
    await waitForMail({ to: email, subject: 'Anmeldung bestätigt' });
    await waitForMail({ to: email, subject: 'Sie stehen auf der Warteliste' });

    const listQueries = await queriesOn([...LOOKED_AT, 'events'], () =>
      registrationsOfAddress(deps(), email),
    );
    expect(listQueries.some((q) => q.collection === 'event_registrant_index')).toBe(true);
    expect(notById(listQueries)).toEqual([]);

    const token = manageTokenOf(s.config.SECRET_KEY, String(a.registration._id));
    let page!: request.Response;
    const pageQueries = await queriesOn(LOOKED_AT, async () => {
      page = await s.api().get(`/veranstaltungen/meine-anmeldungen/${token}`);
    });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-robots-tag']).toContain('noindex');
    expect(page.text).toContain('Fachgespräch Wohnen im Alter');
    expect(page.text).toContain('Ihre Anmeldung ist bestätigt.');
    expect(page.text).toContain('Sie sind Nr. 1 auf der Warteliste.');
    expect(page.text).toContain(
      `/veranstaltungen/anmeldung/${manageTokenOf(s.config.SECRET_KEY, String(b.registration._id))}`,
    );
    expect(page.text).not.toContain(email);
    // The one query not by _id is the waiting-list place (counted as on the manage page).
    expect(notById(pageQueries).map((q) => q.method)).toEqual(['countDocuments']);

    const feedPath = /https?:\/\/[^/"]+(\/feeds\/personal\/[A-Za-z0-9_-]{43}\.ics)/.exec(page.text)![1]!;
    let feed!: request.Response;
    const feedQueries = await queriesOn(LOOKED_AT, async () => {
      feed = await s.api().get(feedPath);
    });
    expect(feed.status).toBe(200);
    expect(feedQueries.some((q) => q.collection === 'event_registrant_index')).toBe(true);
    expect(notById(feedQueries)).toEqual([]);
    expect(feed.text).toContain(`UID:${eventUid(open)}`);
    expect(feed.text).toContain(`UID:${eventUid(full)}`);
  });

  it('a bad, forged or foreign token gets the 404 page and shows nothing', async () => {
    const email = `probe-${s.db}@example.org`;
    const reg = await register(await publishedEvent({ title: 'Schulung Digitale Teilhabe' }), email);
    const id = String(reg.registration._id);
    const token = manageTokenOf(s.config.SECRET_KEY, id);
    const forged = token.slice(0, 20) + (token.charAt(20) === 'A' ? 'B' : 'A') + token.slice(21);
    for (const t of [
      'kurz',
      forged,
      manageTokenOf('another-secret-key-0123456789abcdef', id),
      'A'.repeat(43),
    ]) {
      const res = await s.api().get(`/veranstaltungen/meine-anmeldungen/${t}`);
      expect(res.status).toBe(404);
      expect(res.headers['x-robots-tag']).toContain('noindex');
      expect(res.text).not.toContain('Schulung Digitale Teilhabe');
      expect(res.text).not.toContain('/feeds/personal/');
    }
  });

  it('erasure removes the address index', async () => {
    const email = `erase-${s.db}@example.org`;
    const ids = [
      String((await register(await publishedEvent(), email)).registration._id),
      String((await register(await publishedEvent(), email)).registration._id),
    ];
    expect(await indexed(email)).toEqual(ids.sort());
    const res = await s
      .api()
      .post('/api/privacy/admin/erasure')
      .set({ Authorization: `Bearer ${ADMIN_TOKEN}` })
      .send({ email });
    expect(res.status).toBe(200);
    expect(await RegistrantIndex.findById(keyOf(email)).lean()).toBeNull();
    const all = await RegistrantIndex.find({}).lean();
    for (const id of ids) expect(all.some((d) => d.registrationIds.includes(id))).toBe(false);
  });

  it('the scheduled retention job takes what it blanks out of the index', async () => {
    const email = `job-${s.db}@example.org`;
    const eventId = await publishedEvent();
    const id = String((await register(eventId, email)).registration._id);
    expect(await indexed(email)).toEqual([id]);
    // The event took place a while ago.
    const startsAt = new Date(Date.now() - 3 * 86_400_000);
    await Event.updateOne(
      { _id: eventId },
      { $set: { startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000) } },
    );
    await s.aio.rt.producer.enqueue('events.anonymise-registrations', { olderThanDays: 1 });
    // The index goes last in the job's run, after the registration is blanked.
    await eventually('the index gone', async () =>
      (await RegistrantIndex.findById(keyOf(email)).lean()) ? null : true,
    );
    expect((await Registration.findById(id).lean())!.anonymisedAt).toBeDefined();
  });

  it('retention takes anonymised registrations out; an emptied index goes', async () => {
    const both = `both-${s.db}@example.org`;
    const once = `once-${s.db}@example.org`;
    const soon = await publishedEvent({}, 5);
    const later = await publishedEvent({}, 400);
    await register(soon, both);
    const kept = String((await register(later, both)).registration._id);
    await register(soon, once);

    await anonymiseEventRegistrations({
      olderThanDays: 0,
      now: new Date(Date.now() + 365 * 86_400_000),
      index: deps(),
    });
    expect((await Registration.find({ eventId: soon }).lean()).filter((r) => r.anonymisedAt)).toHaveLength(2);
    expect(await indexed(both)).toEqual([kept]);
    expect(await RegistrantIndex.findById(keyOf(once)).lean()).toBeNull();
  });
});
