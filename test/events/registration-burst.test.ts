import mongoose from 'mongoose';
import {
  Registration,
  Seat,
  cancelRegistration,
  createEvent,
  publishEvent,
  registerAttendee,
  settleSeats,
  updateEvent,
} from '@qn/events';
import { domainHarness, eventFields } from './events-fixtures';

/**
 * The no-oversell guarantee on the real FerretDB and Redis: bursts of concurrent
 * registrations, cancellations racing promotions, and a Redis that lost the seat pool.
 */
const h = domainHarness('evburst');
const { config, redis, producer, deps } = h;

beforeAll(() => h.open());
afterAll(() => h.close());

async function publishedEvent(capacity: number, extra = {}) {
  const event = await createEvent(deps, {
    ...eventFields({ capacity, ...extra }),
    organisationId: 'stadt-nuertingen',
  });
  await publishEvent(deps, { eventId: String(event._id) });
  return String(event._id);
}

function register(eventId: string, i: number, companions = 0) {
  return registerAttendee(deps, { eventId, name: `Person ${i}`, email: `p${i}@example.org`, companions });
}

async function seatCount(eventId: string) {
  return Seat.countDocuments({ eventId });
}

describe('registration burst', () => {
  it('300 concurrent registrations for 40 seats: exactly 40 confirmed, 260 waitlisted', async () => {
    const eventId = await publishedEvent(40);
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => register(eventId, i)));
    expect(results.filter((r) => r.registration.status === 'confirmed')).toHaveLength(40);
    expect(results.filter((r) => r.registration.status === 'waitlisted')).toHaveLength(260);
    expect(await seatCount(eventId)).toBe(40);
    expect(await Registration.countDocuments({ eventId, status: 'confirmed' })).toBe(40);
    expect(await Registration.countDocuments({ eventId, status: 'waitlisted' })).toBe(260);
    const seats = await Seat.find({ eventId }).lean();
    expect(new Set(seats.map((s) => s.registrationId)).size).toBe(40);
    expect(seats.every((s) => s.seatNo >= 1 && s.seatNo <= 40)).toBe(true);
    // The pool's keys go away by themselves a week after the event.
    expect(await redis.pttl(`${config.QUEUE_PREFIX}:ev:${eventId}:gen`)).toBeGreaterThan(10 * 86_400_000);
  });

  it('the same address twice, even at once, gives one registration and one seat', async () => {
    const eventId = await publishedEvent(5);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        registerAttendee(deps, { eventId, name: 'Erika Muster', email: ' Erika.Muster@Example.org ' }),
      ),
    );
    expect(new Set(results.map((r) => String(r.registration._id))).size).toBe(1);
    expect(results.filter((r) => !r.existing)).toHaveLength(1);
    expect(await Registration.countDocuments({ eventId })).toBe(1);
    expect(await seatCount(eventId)).toBe(1);
    expect((await Registration.findOne({ eventId }).lean())!.status).toBe('confirmed');
  });

  it('companions take seats: never more seats than capacity, groups that do not fit wait', async () => {
    const eventId = await publishedEvent(10);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => register(eventId, 1000 + i, i % 3)),
    );
    const confirmed = results.filter((r) => r.registration.status === 'confirmed');
    const seatsHeld = confirmed.reduce((n, r) => n + 1 + r.registration.companions, 0);
    expect(await seatCount(eventId)).toBe(seatsHeld);
    expect(seatsHeld).toBeLessThanOrEqual(10);
    expect(seatsHeld).toBeGreaterThanOrEqual(8);
  });

  it('rebuilds a lost pool from the seat documents without overselling', async () => {
    const eventId = await publishedEvent(30);
    await Promise.all(Array.from({ length: 12 }, (_, i) => register(eventId, 2000 + i)));
    // Redis here has no persistence: simulate a restart that lost the pool.
    await redis.del(`${config.QUEUE_PREFIX}:ev:${eventId}:pool`, `${config.QUEUE_PREFIX}:ev:${eventId}:gen`);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => register(eventId, 2100 + i)));
    expect(results.filter((r) => r.registration.status === 'confirmed')).toHaveLength(18);
    expect(await seatCount(eventId)).toBe(30);
  });

  it('cancellations racing registrations and promotions keep the count within capacity and promote in order', async () => {
    const eventId = await publishedEvent(10);
    const first = await Promise.all(Array.from({ length: 25 }, (_, i) => register(eventId, 3000 + i)));
    const confirmed = first.filter((r) => r.registration.status === 'confirmed');
    const waitOrder = (
      await Registration.find({ eventId, status: 'waitlisted' }).sort({ waitlistedAt: 1, _id: 1 }).lean()
    ).map((r) => String(r._id));
    await Promise.all([
      ...confirmed
        .slice(0, 5)
        .map((r) => cancelRegistration(deps, { registrationId: String(r.registration._id) })),
      ...Array.from({ length: 20 }, (_, i) => register(eventId, 3100 + i)),
      settleSeats(deps, eventId),
    ]);
    expect(await seatCount(eventId)).toBe(10);
    expect(await Registration.countDocuments({ eventId, status: 'confirmed' })).toBe(10);
    // The five freed seats went to the first five on the waiting list, not to newcomers.
    const promoted = await Registration.find({
      eventId,
      status: 'confirmed',
      _id: mongoose.trusted({ $in: waitOrder }),
    }).lean();
    expect(promoted.map((r) => String(r._id)).sort()).toEqual(waitOrder.slice(0, 5).sort());
  });

  it('promotions are serialised: 8 cancellations and 8 settle runs at once promote each waiting person once', async () => {
    const eventId = await publishedEvent(8);
    const regs = await Promise.all(Array.from({ length: 20 }, (_, i) => register(eventId, 5000 + i)));
    const confirmed = regs.filter((r) => r.registration.status === 'confirmed');
    const waitOrder = (
      await Registration.find({ eventId, status: 'waitlisted' }).sort({ waitlistedAt: 1, _id: 1 }).lean()
    ).map((r) => String(r._id));
    await Promise.all([
      ...confirmed.map((r) => cancelRegistration(deps, { registrationId: String(r.registration._id) })),
      ...Array.from({ length: 8 }, () => settleSeats(deps, eventId)),
    ]);
    const nowConfirmed = await Registration.find({ eventId, status: 'confirmed' }).lean();
    expect(nowConfirmed.map((r) => String(r._id)).sort()).toEqual(waitOrder.slice(0, 8).sort());
    expect(await seatCount(eventId)).toBe(8);
    const seats = await Seat.find({ eventId }).lean();
    expect(new Set(seats.map((x) => x.registrationId)).size).toBe(8);
    // One promotion mail per promoted person, however many settle runs raced.
    const mails = await producer.queue('mail').getJobs(['waiting', 'delayed', 'prioritized']);
    for (const id of waitOrder.slice(0, 8)) {
      expect(mails.filter((j) => j.data.payload.ledgerKey.startsWith(`event-confirmed:${id}:`))).toHaveLength(
        1,
      );
    }
  });

  it('raising the capacity promotes; lowering below the held seats is refused', async () => {
    const eventId = await publishedEvent(5);
    await Promise.all(Array.from({ length: 9 }, (_, i) => register(eventId, 4000 + i)));
    await updateEvent(deps, { eventId, changes: { capacity: 8 } });
    expect(await seatCount(eventId)).toBe(8);
    expect(await Registration.countDocuments({ eventId, status: 'waitlisted' })).toBe(1);
    await expect(updateEvent(deps, { eventId, changes: { capacity: 7 } })).rejects.toMatchObject({
      code: 'conflict',
    });
    const one = await Registration.findOne({ eventId, status: 'confirmed' }).lean();
    await cancelRegistration(deps, { registrationId: String(one!._id) }); // promotes the last one
    await Promise.all([
      cancelRegistration(deps, {
        registrationId: String((await Registration.findOne({ eventId, status: 'confirmed' }).lean())!._id),
      }),
      ...Array.from({ length: 10 }, (_, i) => register(eventId, 4100 + i)),
    ]);
    // A lower capacity that still fits: seats above it move down, none is lost or doubled.
    const held = await seatCount(eventId);
    await updateEvent(deps, { eventId, changes: { capacity: held } });
    const seats = await Seat.find({ eventId }).lean();
    expect(seats).toHaveLength(held);
    expect(seats.every((s) => s.seatNo <= held)).toBe(true);
    await Promise.all(Array.from({ length: 10 }, (_, i) => register(eventId, 4200 + i)));
    expect(await seatCount(eventId)).toBe(held);
  });
});
