import { Seat, createEvent, publishEvent, registerAttendee } from '@qn/events';
import { domainHarness, eventFields } from './events-fixtures';

/**
 * An event of 10,000 seats (the most the API accepts) can be published and registered for:
 * publishing puts every free seat number into the Redis pool in one script, and Lua's unpack
 * refuses more than about 8,000 values at once.
 */
const h = domainHarness('evlarge');
const { redis, deps } = h;

beforeAll(() => h.open());
afterAll(() => h.close());

it('publishes a 10,000-seat event with every seat in the pool, and the first registrant gets seat 1', async () => {
  const event = await createEvent(deps, {
    ...eventFields({ capacity: 10_000, maxCompanions: 0 }),
    organisationId: 'stadt-nuertingen',
  });
  const eventId = String(event._id);
  await publishEvent(deps, { eventId });
  const pool = `${deps.keyPrefix}:ev:${eventId}:pool`;
  expect(await redis.llen(pool)).toBe(10_000);
  expect(await redis.lrange(pool, -1, -1)).toEqual(['10000']);

  const r = await registerAttendee(deps, { eventId, name: 'Erste Person', email: 'erste@example.org' });
  expect(r.outcome).toBe('confirmed');
  expect(await Seat.countDocuments({ eventId })).toBe(1);
  expect(await Seat.exists({ _id: `${eventId}:1` })).not.toBeNull();
  expect(await redis.llen(pool)).toBe(9_999);
});
