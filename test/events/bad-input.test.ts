import { Event, Registration } from '@qn/events';
import { eventsStack, organiserToken } from './support/all-in-one-stack';

/**
 * Input no page, mail, CSV or calendar could carry is refused with 400 problem+json naming the
 * field, and nothing is stored: line breaks and control characters in one-line fields, lone
 * surrogates, impossible dates, times without an offset, years nobody means, events in the
 * past, and a registration window that closes after the event.
 */
const ORG_TOKEN = 'events-badinput-token-0123456789abcd';
const s = eventsStack('evbad');
const org = { Authorization: `Bearer ${ORG_TOKEN}` };

beforeAll(async () => {
  await organiserToken(s.db, 'stadt-nuertingen', ORG_TOKEN);
});

function body(over: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  return {
    title: 'Fachgespräch Wohnen',
    description: 'Erste Zeile.\nZweite Zeile.',
    kind: 'fachgespraech',
    fieldsOfAction: ['wohnen'],
    municipality: 'nuertingen',
    venue: { name: 'Bürgertreff' },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 7200_000).toISOString(),
    capacity: 10,
    contact: { name: 'Seniorenbüro', email: 'senioren@example.org' },
    ...over,
  };
}

const fieldsOf = (res: { body: { errors?: { field: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.field);

describe('bad event input', () => {
  it.each([
    ['a line break in the title', { title: 'Fachgespräch\r\nBcc: x@example.org' }, 'title'],
    ['NUL in the venue', { venue: { name: 'Bürger\u0000treff' } }, 'venue.name'],
    ['a lone surrogate in the description', { description: 'Text \uD800 mehr' }, 'description'],
    ['30 February', { startsAt: '2027-02-30T10:00:00Z' }, 'startsAt'],
    ['a time without offset', { startsAt: '2027-03-01T10:00' }, 'startsAt'],
    ['year 0001', { startsAt: '0001-03-01T10:00:00Z' }, 'startsAt'],
    ['year 9999', { endsAt: '9999-03-01T10:00:00Z' }, 'endsAt'],
    ['a start in the past', { startsAt: '2020-03-01T10:00:00Z', endsAt: '2020-03-01T12:00:00Z' }, 'startsAt'],
  ])('refuses %s: 400 naming the field, nothing stored', async (_label, over, field) => {
    const before = await Event.countDocuments();
    const res = await s.api().post('/api/events').set(org).send(body(over));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(res)).toContain(field);
    expect(await Event.countDocuments()).toBe(before);
  });

  it('refuses a registration window that closes after the event ends, also when moved later', async () => {
    const b = body();
    const late = new Date(Date.parse(b.endsAt) + 3600_000).toISOString();
    const res = await s
      .api()
      .post('/api/events')
      .set(org)
      .send({ ...b, registrationClosesAt: late });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['registrationClosesAt']);

    const created = await s.api().post('/api/events').set(org).send(b);
    expect(created.status).toBe(201);
    const moved = await s
      .api()
      .patch(`/api/events/${created.body.id}`)
      .set(org)
      .send({ registrationClosesAt: late });
    expect(moved.status).toBe(400);
    expect((await Event.findById(created.body.id).lean())!.registrationClosesAt).toBeUndefined();
    // A multi-line description is fine; so is an edit of an event that keeps its start.
    expect(
      (await s.api().patch(`/api/events/${created.body.id}`).set(org).send({ description: 'Neu.\n\nMehr.' }))
        .status,
    ).toBe(200);
  });

  it('refuses a registrant name with a line break or a control character', async () => {
    const created = await s.api().post('/api/events').set(org).send(body());
    await s.api().post(`/api/events/${created.body.id}/publish`).set(org);
    for (const name of ['Anna\nSchäfer', 'Anna\u0007', 'Anna \uDC00']) {
      const res = await s
        .api()
        .post(`/api/events/${created.body.id}/registrations`)
        .send({ name, email: 'anna@example.org', consent: true });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['name']);
    }
    expect(await Registration.countDocuments({ eventId: created.body.id })).toBe(0);
  });
});
