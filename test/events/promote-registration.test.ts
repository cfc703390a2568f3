import { isAppError } from '@qn/domain';
import {
  Event,
  Registration,
  Seat,
  createEvent,
  promoteRegistration,
  publishEvent,
  registerAttendee,
} from '@qn/events';
import { domainHarness, eventFields } from './events-fixtures';

/**
 * An organiser moves someone from the waiting list by hand, out of turn: with the same seat
 * claim as everyone else, so that racing newcomers and the automatic promotion never oversell.
 */
const h = domainHarness('evpromote');
const { config, redis, deps } = h;

beforeAll(() => h.open());
afterAll(() => h.close());

async function fullEvent(capacity: number, waiting: number) {
  const event = await createEvent(deps, {
    ...eventFields({ capacity, maxCompanions: 0 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });
  for (let i = 0; i < capacity; i++)
    await registerAttendee(deps, { eventId, name: `Platz ${i}`, email: `platz${i}-${eventId}@example.org` });
  const waitlisted: string[] = [];
  for (let i = 0; i < waiting; i++) {
    const r = await registerAttendee(deps, {
      eventId,
      name: `Warteliste ${i}`,
      email: `warte${i}-${eventId}@example.org`,
    });
    expect(r.registration.status).toBe('waitlisted');
    waitlisted.push(String(r.registration._id));
  }
  return { eventId, waitlisted };
}

/** One more seat, as if a capacity change had not yet reached the waiting list. */
async function freeOneSeat(eventId: string, capacity: number) {
  await Event.updateOne({ _id: eventId }, { $set: { capacity: capacity + 1 } });
}

it('promotes the fifth on the list when a seat is free, and refuses when none is', async () => {
  const { eventId, waitlisted } = await fullEvent(1, 6);
  const err = await promoteRegistration(deps, { eventId, registrationId: waitlisted[4]! }).catch((e) => e);
  expect(isAppError(err) && err.code).toBe('conflict');
  expect((await Registration.findById(waitlisted[4]).lean())!.status).toBe('waitlisted');
  expect(await Seat.countDocuments({ eventId })).toBe(1);

  await freeOneSeat(eventId, 1);
  const promoted = await promoteRegistration(deps, { eventId, registrationId: waitlisted[4]! });
  expect(promoted.status).toBe('confirmed');
  expect((await Registration.findById(waitlisted[4]).lean())!.status).toBe('confirmed');
  expect((await Registration.findById(waitlisted[0]).lean())!.status).toBe('waitlisted');
  expect(await Seat.countDocuments({ eventId, registrationId: waitlisted[4] })).toBe(1);
  // Promoting again changes nothing; another event's id finds nothing.
  await expect(promoteRegistration(deps, { eventId, registrationId: waitlisted[4]! })).resolves.toMatchObject(
    {
      status: 'confirmed',
    },
  );
  expect(await Seat.countDocuments({ eventId })).toBe(2);
  const other = await promoteRegistration(deps, {
    eventId: '0123456789abcdef01234567',
    registrationId: waitlisted[1]!,
  }).catch((e) => e);
  expect(isAppError(other) && other.code).toBe('not_found');
});

it('20 manual promotions and self-registrations racing for 1 free seat never oversell', async () => {
  const { eventId, waitlisted } = await fullEvent(2, 10);
  await freeOneSeat(eventId, 2);
  // The pool is lost too, so the newcomers rebuild it (promoting in order) while the
  // organiser promotes out of order.
  await redis.del(`${config.QUEUE_PREFIX}:ev:${eventId}:gen`, `${config.QUEUE_PREFIX}:ev:${eventId}:pool`);
  const results = await Promise.allSettled([
    ...waitlisted.map((registrationId) => promoteRegistration(deps, { eventId, registrationId })),
    ...Array.from({ length: 10 }, (_, i) =>
      registerAttendee(deps, { eventId, name: `Neu ${i}`, email: `neu${i}-${eventId}@example.org` }),
    ),
  ]);
  for (const r of results)
    if (r.status === 'rejected') expect(isAppError(r.reason) && r.reason.code).toBe('conflict');
  expect(await Seat.countDocuments({ eventId })).toBe(3);
  expect(await Registration.countDocuments({ eventId, status: 'confirmed' })).toBe(3);
  const seats = await Seat.find({ eventId }).lean();
  expect(new Set(seats.map((s) => s.registrationId)).size).toBe(3);
  expect(seats.every((s) => s.seatNo >= 1 && s.seatNo <= 3)).toBe(true);
  expect(await Registration.countDocuments({ eventId, status: 'waitlisted' })).toBe(19);
});
