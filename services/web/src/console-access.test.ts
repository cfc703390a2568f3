import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { Account, Organisation } from '@qn/auth';
import { createEvent, eventsDepsOf, Event } from '@qn/events';
import { testConfig, uniqueName, deleteQueueKeys } from '@qn/testing';
import { SignInToken } from './session/models/sign-in-token';
import { redeemSignIn } from './session/redeem-sign-in';
import { newSignInToken, sha256 } from './session/sign-in-link';

/** Who may open which console page: the same rules as the API, through the session cookie. */
const db = uniqueName('webaccess');
const ADMIN = `admin-${db}@example.org`;
const config = testConfig(db, { PORT: '0', ADMIN_EMAIL: ADMIN, LOG_LEVEL: 'error' });
let aio: AllInOne;
let otherEventId: string;

beforeAll(async () => {
  aio = await startAllInOne(config);
  await Organisation.create({ _id: 'stadt-nuertingen', name: 'Stadt Nürtingen', actorType: 'kommune' });
  await Account.create({
    email: 'organisator@example.org',
    role: 'organiser',
    organisationId: 'stadt-nuertingen',
  });
  const start = new Date(Date.now() + 7 * 86_400_000);
  const e = await createEvent(eventsDepsOf(aio.rt), {
    organisationId: 'gemeinde-koengen',
    title: 'Köngener Runde',
    description: 'Nur für Köngen.',
    kind: 'workshop',
    fieldsOfAction: ['teilhabe'],
    municipality: 'koengen',
    venue: { name: 'Rathaus' },
    startsAt: start,
    endsAt: new Date(start.getTime() + 3_600_000),
    capacity: 10,
    waitlistEnabled: true,
    promotionMode: 'automatic',
    offerHours: 48,
    maxCompanions: 0,
    contact: { name: 'Gemeinde', email: 'gemeinde@example.org' },
    reminderOffsetsMinutes: [],
  });
  otherEventId = String(e._id);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

/** A browser with a session for `email`, made through the real redeem path (no mail needed). */
async function browserOf(email: string) {
  const account = (await Account.findOne({ email }).lean())!;
  const { id, secret, token } = newSignInToken();
  await SignInToken.create({
    _id: id,
    secretHash: sha256(secret),
    accountId: String(account._id),
    expiresAt: new Date(Date.now() + 60_000),
  });
  const { sessionToken } = (await redeemSignIn(token))!;
  const agent = request.agent(aio.server);
  agent.set('Cookie', `qn_session=${sessionToken}`);
  return agent;
}

function csrfOf(body: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(body)![1]!;
}

describe('console access', () => {
  it('sends anonymous visitors to the sign-in page', async () => {
    for (const path of [
      '/konsole',
      '/konsole/veranstaltungen',
      '/konsole/newsletter',
      '/konsole/warteschlangen',
    ]) {
      const res = await request(aio.server).get(path);
      expect([path, res.status, res.headers.location]).toEqual([path, 303, '/anmelden']);
    }
  });

  it('keeps organisers to their own organisation and out of the admin areas', async () => {
    const organiser = await browserOf('organisator@example.org');
    expect((await organiser.get('/konsole/veranstaltungen')).status).toBe(200);
    expect((await organiser.get(`/konsole/veranstaltungen/${otherEventId}`)).status).toBe(403);
    expect((await organiser.get(`/konsole/veranstaltungen/${otherEventId}/teilnehmende.csv`)).status).toBe(
      403,
    );
    expect((await organiser.get('/konsole/newsletter')).status).toBe(403);
    expect((await organiser.get('/konsole/warteschlangen')).status).toBe(403);
    const page = await organiser.get('/konsole');
    expect(page.text).not.toContain('/konsole/newsletter');
    const cancel = await organiser
      .post(`/konsole/veranstaltungen/${otherEventId}/absagen`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect(cancel.status).toBe(403);
    expect((await Event.findById(otherEventId).lean())!.status).toBe('draft');
  });

  it('refuses a console POST without the CSRF token', async () => {
    const admin = await browserOf(ADMIN);
    const res = await admin
      .post(`/konsole/veranstaltungen/${otherEventId}/veroeffentlichen`)
      .type('form')
      .send({});
    expect(res.status).toBe(403);
    expect((await Event.findById(otherEventId).lean())!.status).toBe('draft');
  });

  it('opens the queue dashboard for admins', async () => {
    const admin = await browserOf(ADMIN);
    const ui = await admin.get('/konsole/warteschlangen');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('Quartiersnetz');
    const api = await admin.get('/konsole/warteschlangen/api/queues');
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['mail', 'events', 'newsletter']),
    );
  });

  it("takes the queue dashboard's changing requests only from this origin", async () => {
    const admin = await browserOf(ADMIN);
    const path = '/konsole/warteschlangen/api/queues/mail/retry/failed';
    // A forged cross-site request (the admin's cookie rides along): refused.
    expect((await admin.put(path).set('Sec-Fetch-Site', 'cross-site')).status).toBe(403);
    expect((await admin.put(path).set('Origin', 'https://evil.example')).status).toBe(403);
    expect((await admin.put(path)).status).toBe(403);
    // The board's own client: through.
    expect((await admin.put(path).set('Sec-Fetch-Site', 'same-origin')).status).toBeLessThan(300);
    const own = `http://127.0.0.1:${(aio.server.address() as { port: number }).port}`;
    expect((await admin.put(path).set('Origin', own)).status).toBeLessThan(300);
  });
});
