import { Account, Organisation, issueApiToken, setOrganisationActive } from '@qn/auth';
import { eventsStack, organiserToken } from './support/all-in-one-stack';

/**
 * The events API with per-organisation roles: a viewer's token reads attendees, counts and the
 * export of its organisation's events and changes nothing; an organiser of a deactivated
 * organisation is a reader of it from then on.
 */
const ORG_TOKEN = 'viewer-api-organiser-token-0123456789';
const VIEWER_TOKEN = 'viewer-api-viewer-token-012345678901';
const s = eventsStack('evviewer');
const org = { Authorization: `Bearer ${ORG_TOKEN}` };
const viewer = { Authorization: `Bearer ${VIEWER_TOKEN}` };

beforeAll(async () => {
  await Organisation.create({ _id: 'stadt-filderstadt', name: 'Stadt Filderstadt', actorType: 'kommune' });
  await organiserToken(s.db, 'stadt-filderstadt', ORG_TOKEN);
  const account = await Account.create({
    email: `viewer-${s.db}@example.org`,
    role: 'organiser',
    memberships: [{ organisationId: 'stadt-filderstadt', role: 'viewer' }],
  });
  await issueApiToken({ accountId: account._id, label: 'test', token: VIEWER_TOKEN });
});

function eventBody() {
  const startsAt = new Date(Date.now() + 12 * 86_400_000);
  return {
    title: 'Quartiersgespräch Bernhausen',
    description: 'Wie wollen wir im Alter im Quartier leben? Ein offenes Gespräch.',
    kind: 'fachgespraech',
    fieldsOfAction: ['wohnen'],
    municipality: 'filderstadt',
    venue: { name: 'Filderhalle', street: 'Bahnhofstraße 61', postalCode: '70794', city: 'Filderstadt' },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    capacity: 10,
    contact: { name: 'Stadt Filderstadt', email: 'quartier@example.org' },
  };
}

it('lets a viewer read and export, and refuses every change', async () => {
  const created = await s.api().post('/api/events').set(org).send(eventBody());
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await s.api().post(`/api/events/${id}/publish`).set(org)).status).toBe(200);

  expect((await s.api().get(`/api/events/${id}/attendees`).set(viewer)).status).toBe(200);
  expect((await s.api().get(`/api/events/${id}/counts`).set(viewer)).status).toBe(200);
  expect((await s.api().get(`/api/events/${id}/attendees/export`).set(viewer)).status).toBe(200);

  const refused = await Promise.all([
    s.api().patch(`/api/events/${id}`).set(viewer).send({ capacity: 20 }),
    s.api().post(`/api/events/${id}/cancel`).set(viewer),
    s
      .api()
      .post('/api/events')
      .set(viewer)
      .send({ ...eventBody(), organisationId: 'stadt-filderstadt' }),
  ]);
  expect(refused.map((r) => r.status)).toEqual([403, 403, 403]);
  for (const r of refused) expect(r.headers['content-type']).toMatch(/application\/problem\+json/);

  // Deactivated: the organiser still reads, but changes nothing any more.
  await setOrganisationActive('stadt-filderstadt', false);
  expect((await s.api().get(`/api/events/${id}/attendees`).set(org)).status).toBe(200);
  expect((await s.api().patch(`/api/events/${id}`).set(org).send({ capacity: 20 })).status).toBe(403);
});
