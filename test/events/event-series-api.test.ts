import { eventsStack, organiserToken } from './support/all-in-one-stack';

/** /api/events/series: problem answers naming the rule's fields, idempotent create, future edits. */
const s = eventsStack('evseriesapi');
let org: { Authorization: string };
beforeAll(async () => {
  org = await organiserToken(s.db, 'stadt-nuertingen', 'series-api-organiser-token-0123456789');
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const template = {
  title: 'Sprechstunde Wohnen im Alter',
  description: 'Beratung zu Wohnformen und Anpassungen.',
  kind: 'fachgespraech',
  fieldsOfAction: ['wohnen'],
  municipality: 'nuertingen',
  venue: { name: 'Rathaus Nürtingen' },
  capacity: 3,
  contact: { name: 'Seniorenbüro', email: 'senioren@example.org' },
};
const schedule = {
  rule: { freq: 'monthly-weekday', weekday: 3, nth: 1 },
  firstDate: day(2),
  startTime: '10:00',
  durationMinutes: 60,
  count: 3,
};

it('names the rule fields in problem answers and stores nothing', async () => {
  const bad = await s
    .api()
    .post('/api/events/series')
    .set(org)
    .send({ template, schedule: { ...schedule, count: undefined, until: day(900) } });
  expect(bad.status).toBe(400);
  expect(bad.headers['content-type']).toContain('application/problem+json');
  expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'until' })]);
  const past = await s
    .api()
    .post('/api/events/series')
    .set(org)
    .send({ template, schedule: { ...schedule, firstDate: day(-40) } });
  expect(past.status).toBe(400);
  expect(past.body.errors).toEqual([expect.objectContaining({ field: 'firstDate' })]);
  expect((await s.api().post('/api/events/series').send({ template, schedule })).status).toBe(401);
});

it('creates once per series id, publishes, changes and cancels future dates', async () => {
  const seriesId = '6650f0c2a1b2c3d4e5f60718';
  const created = await s.api().post('/api/events/series').set(org).send({ seriesId, template, schedule });
  expect(created.status).toBe(201);
  expect(created.body.dates).toHaveLength(3);
  const again = await s.api().post('/api/events/series').set(org).send({ seriesId, template, schedule });
  expect(again.status).toBe(200);
  expect(again.body.dates.map((d: { id: string }) => d.id)).toEqual(
    created.body.dates.map((d: { id: string }) => d.id),
  );

  const published = await s.api().post(`/api/events/series/${seriesId}/publish`).set(org);
  expect(published.body.dates.map((d: { status: string }) => d.status)).toEqual([
    'published',
    'published',
    'published',
  ]);
  const changed = await s
    .api()
    .patch(`/api/events/series/${seriesId}`)
    .set(org)
    .send({ changes: { title: 'Sprechstunde Wohnen' }, startTime: '11:00' });
  expect(changed.status).toBe(200);
  expect(changed.body.dates.every((d: { title: string }) => d.title === 'Sprechstunde Wohnen')).toBe(true);
  const one = await s.api().get(`/api/events/${created.body.dates[0].id}`);
  expect(new Date(one.body.startsAt).getTime() - new Date(created.body.dates[0].startsAt).getTime()).toBe(
    3600_000,
  );

  const cancelled = await s.api().post(`/api/events/series/${seriesId}/cancel`).set(org);
  expect(cancelled.body.dates.map((d: { status: string }) => d.status)).toEqual([
    'cancelled',
    'cancelled',
    'cancelled',
  ]);
  expect((await s.api().get('/api/events/series/0000000000000000000000ff').set(org)).status).toBe(404);
});
