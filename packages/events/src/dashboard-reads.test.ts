import mongoose from 'mongoose';
import { connectDb, closeDb } from '@qn/db';
import { testConfig, uniqueName } from '@qn/testing';
import { Event, Registration, Seat, listRecentRegistrationsOf, listUpcomingEventsOf } from './index';

/** The console home page's reads on the real FerretDB: whose events, which counts, what order. */
const config = testConfig(uniqueName('evdash'));
const now = new Date('2026-12-03T10:00:00Z');
const hour = 3600_000;

function event(organisationId: string, title: string, startsInHours: number, status = 'published') {
  const startsAt = new Date(now.getTime() + startsInHours * hour);
  return {
    organisationId,
    title,
    description: 'd',
    kind: 'workshop',
    municipality: 'nuertingen',
    venue: { name: 'Rathaus' },
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * hour),
    capacity: 3,
    contact: { name: 'c', email: 'c@example.org' },
    status,
  };
}

let n = 0;
function registration(eventId: string, name: string, status: string, minutesAgo: number) {
  n++;
  return {
    eventId,
    email: `p${n}@example.org`,
    name,
    status,
    manageTokenHash: `hash-${n}`,
    consentAt: now,
    consentTextVersion: 'v1',
    createdAt: new Date(now.getTime() - minutesAgo * 60_000),
  };
}

let soon: string;
let later: string;
let other: string;

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
  const [a, b, , , o, old] = await Event.insertMany([
    event('org-a', 'Bald', 24),
    event('org-a', 'Später', 48, 'draft'),
    event('org-a', 'Vorbei', -24),
    event('org-a', 'Abgesagt', 12, 'cancelled'),
    event('org-b', 'Andere', 6),
    event('org-a', 'Lange her', -60 * 24),
  ]);
  [soon, later, other] = [String(a!._id), String(b!._id), String(o!._id)];
  const longAgo = String(old!._id);
  await Seat.insertMany(
    [1, 2].map((s) => ({
      _id: `${soon}:${s}`,
      eventId: soon,
      seatNo: s,
      registrationId: `r${s}`,
      takenAt: now,
    })),
  );
  // createdAt is set explicitly, so write past mongoose's timestamps.
  await Registration.collection.insertMany([
    registration(soon, 'Anna', 'confirmed', 30),
    registration(soon, 'Bernd', 'confirmed', 20),
    registration(soon, 'Clara', 'waitlisted', 10),
    registration(other, 'Dora', 'confirmed', 5),
    // Added to an event that ended two months ago: outside what "recent" looks at.
    registration(longAgo, 'Emil', 'confirmed', 1),
  ]);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await closeDb();
});

describe('listUpcomingEventsOf', () => {
  it("lists an organisation's drafts and published events still to come, soonest first, with counts", async () => {
    const items = await listUpcomingEventsOf({ organisationIds: ['org-a'], now });
    expect(items.map((e) => [e.title, e.seatsTaken, e.capacity, e.waitlisted])).toEqual([
      ['Bald', 2, 3, 1],
      ['Später', 0, 3, 0],
    ]);
    expect(items[1]!.id).toBe(later);
  });

  it('lists all organisations for admins, none for no organisation, and keeps to the limit', async () => {
    expect((await listUpcomingEventsOf({ now })).map((e) => e.title)).toEqual(['Andere', 'Bald', 'Später']);
    expect(await listUpcomingEventsOf({ organisationIds: [], now })).toEqual([]);
    expect(await listUpcomingEventsOf({ organisationIds: ['org-a', 'org-b'], now, limit: 1 })).toHaveLength(
      1,
    );
  });
});

describe('listRecentRegistrationsOf', () => {
  it("lists an organisation's newest registrations only, with their event", async () => {
    const items = await listRecentRegistrationsOf({ organisationIds: ['org-a'], limit: 2, now });
    expect(items.map((r) => [r.name, r.eventTitle, r.organisationId, r.status])).toEqual([
      ['Clara', 'Bald', 'org-a', 'waitlisted'],
      ['Bernd', 'Bald', 'org-a', 'confirmed'],
    ]);
  });

  it('lists everyone’s for admins, newest first', async () => {
    const items = await listRecentRegistrationsOf({ now });
    expect(items.map((r) => r.name)).toEqual(['Dora', 'Clara', 'Bernd', 'Anna']);
    expect(items[0]!.eventId).toBe(other);
    expect(await listRecentRegistrationsOf({ organisationIds: ['org-none'], now })).toEqual([]);
  });
});
