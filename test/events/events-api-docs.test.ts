import type { Response } from 'supertest';
import { documentedRoutes } from '@qn/http';
import { Registration, manageTokenOf } from '@qn/events';
import { eventsStack, organiserToken } from './support/all-in-one-stack';

/**
 * The OpenAPI entries of /api/events and /feeds against real answers: every answer's status is
 * one the document names for that route, and every JSON answer parses with the documented
 * response schema (the hand-written response schemas cannot drift from what handlers send).
 */
const ORG_TOKEN = 'events-docs-organiser-token-0123456789';
const s = eventsStack('evdocs', { LOG_LEVEL: 'silent' });
const { config, api } = s;
const org = { Authorization: `Bearer ${ORG_TOKEN}` };

beforeAll(() => organiserToken(s.db, 'stadt-nuertingen', ORG_TOKEN));

/** Asserts the answer matches the documented route `method template` and returns it. */
function conforms(method: string, template: string, res: Response): Response {
  const route = documentedRoutes().find((r) => r.method === method && r.path === template);
  expect(route).toBeDefined();
  const statuses = [...Object.keys(route!.responses).map(Number), ...(route!.errors ?? [])];
  expect({ route: `${method} ${template}`, status: res.status, statuses }).toEqual({
    route: `${method} ${template}`,
    status: res.status,
    statuses: expect.arrayContaining([res.status]),
  });
  const documented = route!.responses[res.status];
  if (documented?.schema && /json/.test(String(res.headers['content-type']))) {
    const parsed = documented.schema.safeParse(res.body);
    expect(parsed.error?.issues ?? []).toEqual([]);
  }
  if ((route!.errors ?? []).includes(res.status)) {
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  }
  return res;
}

function eventBody() {
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  return {
    title: 'Fachgespräch Wohnen im Alter',
    description: 'Gemeinschaftliche Wohnformen im Quartier.',
    kind: 'fachgespraech',
    fieldsOfAction: ['wohnen'],
    municipality: 'nuertingen',
    venue: { name: 'Bürgertreff Roßdorf', city: 'Nürtingen' },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    capacity: 1,
    maxCompanions: 1,
    contact: { name: 'Seniorenbüro Nürtingen', email: 'senioren@example.org' },
  };
}

const person = (email: string) => ({ name: 'Anna Schäfer', email, consent: true });

describe('documented /api/events answers', () => {
  it('event life cycle, registrations, manage link, attendee tools', async () => {
    const E = '/api/events';
    const created = conforms('post', E, await api().post(E).set(org).send(eventBody()));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    conforms('get', `${E}/:eventId`, await api().get(`${E}/${id}`));
    conforms(
      'post',
      `${E}/:eventId/registrations`,
      await api().post(`${E}/${id}/registrations`).send(person('a@example.org')),
    );
    conforms('post', `${E}/:eventId/publish`, await api().post(`${E}/${id}/publish`).set(org));
    conforms('get', `${E}/:eventId`, await api().get(`${E}/${id}`));
    conforms('get', E, await api().get(`${E}?municipality=nuertingen&pageSize=5`));
    conforms('get', E, await api().get(`${E}?pageSize=500`));
    conforms('patch', `${E}/:eventId`, await api().patch(`${E}/${id}`).set(org).send({ capacity: 2 }));
    conforms('patch', `${E}/:eventId`, await api().patch(`${E}/${id}`).send({ capacity: 3 }));
    conforms('patch', `${E}/:eventId`, await api().patch(`${E}/${id}`).set(org).send({ capacity: 0 }));

    const first = conforms(
      'post',
      `${E}/:eventId/registrations`,
      await api()
        .post(`${E}/${id}/registrations`)
        .send({ ...person('b@example.org'), companions: 1 }),
    );
    expect(first.status).toBe(201);
    const again = conforms(
      'post',
      `${E}/:eventId/registrations`,
      await api().post(`${E}/${id}/registrations`).send(person('b@example.org')),
    );
    expect(again.status).toBe(201);
    const waiting = conforms(
      'post',
      `${E}/:eventId/registrations`,
      await api().post(`${E}/${id}/registrations`).send(person('c@example.org')),
    );
    expect(waiting.body.registration.status).toBe('waitlisted');
    conforms(
      'post',
      `${E}/:eventId/registrations`,
      await api().post(`${E}/${id}/registrations`).send({ email: 1 }),
    );

    const behalf = conforms(
      'post',
      `${E}/:eventId/attendees`,
      await api().post(`${E}/${id}/attendees`).set(org).send(person('d@example.org')),
    );
    conforms(
      'post',
      `${E}/:eventId/attendees/import`,
      await api()
        .post(`${E}/${id}/attendees/import`)
        .set(org)
        .send({ csv: 'name,email\nEva Muster,eva@example.org\nOhne Adresse,kaputt\n', consent: true }),
    );
    const list = conforms('get', `${E}/:eventId/attendees`, await api().get(`${E}/${id}/attendees`).set(org));
    conforms('get', `${E}/:eventId/attendees`, await api().get(`${E}/${id}/attendees`));
    conforms('get', `${E}/:eventId/counts`, await api().get(`${E}/${id}/counts`).set(org));
    const csv = conforms(
      'get',
      `${E}/:eventId/attendees/export`,
      await api().get(`${E}/${id}/attendees/export`).set(org),
    );
    expect(csv.headers['content-type']).toMatch(/text\/csv/);

    const confirmed = (list.body.items as { id: string; status: string }[]).find(
      (a) => a.status === 'confirmed',
    )!;
    const A = `${E}/:eventId/attendees/:registrationId`;
    conforms(
      'post',
      `${A}/check-in`,
      await api().post(`${E}/${id}/attendees/${confirmed.id}/check-in`).set(org),
    );
    conforms(
      'delete',
      `${A}/check-in`,
      await api().delete(`${E}/${id}/attendees/${confirmed.id}/check-in`).set(org),
    );
    const waitlisted = (list.body.items as { id: string; status: string }[]).find(
      (a) => a.status === 'waitlisted',
    )!;
    conforms(
      'post',
      `${A}/check-in`,
      await api().post(`${E}/${id}/attendees/${waitlisted.id}/check-in`).set(org),
    );
    conforms(
      'post',
      `${A}/cancel`,
      await api().post(`${E}/${id}/attendees/${behalf.body.attendee.id}/cancel`).set(org),
    );

    // The manage link of the waitlisted registrant (taken from the mailed link's token).
    const token = manageTokenFor(waitlisted.id);
    const M = `${E}/manage/:token`;
    conforms('get', M, await api().get(`${E}/manage/${token}`));
    conforms('post', `${M}/accept`, await api().post(`${E}/manage/${token}/accept`));
    conforms('post', `${M}/cancel`, await api().post(`${E}/manage/${token}/cancel`));
    conforms('get', M, await api().get(`${E}/manage/${'x'.repeat(43)}`));

    conforms('post', `${E}/:eventId/cancel`, await api().post(`${E}/${id}/cancel`).set(org));
    conforms(
      'post',
      `${E}/:eventId/registrations`,
      await api().post(`${E}/${id}/registrations`).send(person('e@example.org')),
    );
    conforms('get', `${E}/:eventId`, await api().get(`${E}/${'0'.repeat(24)}`));
  });
});

describe('documented /feeds answers', () => {
  it('feeds, revalidation, bad filters, unknown tokens', async () => {
    conforms('get', '/feeds', await api().get('/feeds'));
    conforms('get', '/feeds', await api().get('/feeds?x=1'));
    const feed = conforms(
      'get',
      '/feeds/events.ics',
      await api().get('/feeds/events.ics?kind=fachgespraech'),
    );
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    const again = conforms(
      'get',
      '/feeds/events.ics',
      await api().get('/feeds/events.ics?kind=fachgespraech').set('If-None-Match', feed.headers.etag!),
    );
    expect(again.status).toBe(304);
    conforms('get', '/feeds/events.ics', await api().get('/feeds/events.ics?kind=quatsch'));
    conforms('get', '/feeds/funding-deadlines.ics', await api().get('/feeds/funding-deadlines.ics'));
    conforms(
      'get',
      '/feeds/organisations/:organisationId.ics',
      await api().get('/feeds/organisations/gibt-es-nicht.ics'),
    );
    conforms('get', '/feeds/events/:eventId.ics', await api().get(`/feeds/events/${'0'.repeat(24)}.ics`));
    conforms('get', '/feeds/personal/:token.ics', await api().get(`/feeds/personal/${'x'.repeat(43)}.ics`));
    conforms(
      'post',
      '/feeds/personal',
      await api()
        .post('/feeds/personal')
        .send({ manageToken: 'x'.repeat(43) }),
    );
    conforms('post', '/feeds/personal', await api().post('/feeds/personal').send({}));
    // A registrant's own feed: issue, fetch, rotate, revoke.
    const created = await api().post('/api/events').set(org).send(eventBody());
    await api().post(`/api/events/${created.body.id}/publish`).set(org);
    await api().post(`/api/events/${created.body.id}/registrations`).send(person('f@example.org'));
    const reg = await Registration.findOne({ eventId: created.body.id, email: 'f@example.org' }).lean();
    const manageToken = manageTokenFor(String(reg!._id));
    const grant = conforms(
      'post',
      '/feeds/personal',
      await api().post('/feeds/personal').send({ manageToken }),
    );
    expect(grant.status).toBe(200);
    const own = conforms(
      'get',
      '/feeds/personal/:token.ics',
      await api().get(`/feeds/personal/${grant.body.token}.ics`),
    );
    expect(own.status).toBe(200);
    conforms(
      'post',
      '/feeds/personal/rotate',
      await api().post('/feeds/personal/rotate').send({ manageToken }),
    );
    conforms(
      'post',
      '/feeds/personal/revoke',
      await api().post('/feeds/personal/revoke').send({ manageToken }),
    );
    conforms(
      'post',
      '/feeds/personal/rotate',
      await api()
        .post('/feeds/personal/rotate')
        .send({ manageToken: 'x'.repeat(43) }),
    );
    conforms(
      'post',
      '/feeds/personal/revoke',
      await api()
        .post('/feeds/personal/revoke')
        .send({ manageToken: 'x'.repeat(43) }),
    );
  });
});

function manageTokenFor(registrationId: string): string {
  return manageTokenOf(config.SECRET_KEY, registrationId);
}
