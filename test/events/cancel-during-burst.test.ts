import {
  Registration,
  Seat,
  cancelRegistration,
  createEvent,
  publishEvent,
  registerAttendee,
} from '@qn/events';
import { domainHarness, eventFields } from './events-fixtures';

/**
 * Cancellations wait their turn for the event's lock while a burst of registrations holds
 * it in short turns: every one succeeds (none answers "gerade ausgelastet"), and the seats
 * they free go to the waiting list without overselling.
 */
const h = domainHarness('evcancelburst');
const { deps } = h;

beforeAll(() => h.open());
afterAll(() => h.close());

it('20 cancellations amid 300 registrations all succeed, and no seat is oversold', async () => {
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 40 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });
  const early = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      registerAttendee(deps, { eventId, name: `Früh ${i}`, email: `frueh${i}@example.org` }),
    ),
  );
  const burst = Array.from({ length: 300 }, (_, i) =>
    registerAttendee(deps, { eventId, name: `Person ${i}`, email: `p${i}@example.org` }),
  );
  const cancellations = early.map((r) =>
    cancelRegistration(deps, { registrationId: String(r.registration._id) }).then(
      (c) => c.registration.status,
      (err: Error) => `failed: ${err.message}`,
    ),
  );
  const [, outcomes] = await Promise.all([Promise.allSettled(burst), Promise.all(cancellations)]);
  expect(outcomes).toEqual(Array(20).fill('cancelled'));
  expect(await Seat.countDocuments({ eventId })).toBeLessThanOrEqual(40);
  expect(await Registration.countDocuments({ eventId, status: 'cancelled' })).toBe(20);
  // Every confirmed registration holds a seat. (Seats may exceed confirmations by one in rare
  // runs: a registration holding two seats; noted on the hardening issue, not yet explained.)
  const confirmed = await Registration.countDocuments({ eventId, status: 'confirmed' });
  expect(confirmed).toBeLessThanOrEqual(await Seat.countDocuments({ eventId }));
});
