import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { Registration } from '@qn/events';
import { Subscription } from '@qn/funding';
import { isSuppressed } from '@qn/mail';
import { testConfig, uniqueName, waitForMail, listMail, deleteQueueKeys } from '@qn/testing';
import { countAll, findAnywhere, ledgerSettled } from './support';
import { tokenIn } from '../funding/support/links';
import { apiPathOf } from '../newsletter/support';

/**
 * The acceptance test: a person registered for two events, subscribed to funding alerts
 * and to the newsletter, with a personal calendar feed. The export holds all of it and nothing
 * of anybody else; after erasure no collection holds their address or name, their seats are
 * free again, the feed token answers 404, a newsletter sent afterwards skips them, and a fresh
 * opt-in works again.
 */
const ADMIN_TOKEN = 'privacy-e2e-admin-token-0123456789ab';
const ORG_TOKEN = 'privacy-e2e-organiser-token-01234567';
const db = uniqueName('prive2e');
const config = testConfig(db, {
  ADMIN_TOKEN,
  DEMO_ORGANISER_TOKEN: ORG_TOKEN,
  PORT: '0',
  SEED_DEMO: 'true',
  LOG_LEVEL: 'error',
  NEWSLETTER_RATE: '0',
});
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const org = { Authorization: `Bearer ${ORG_TOKEN}` };
let aio: AllInOne;
const api = () => request(aio.server);

const paula = {
  email: `paula-${db}@example.org`,
  name: `Paula Privat ${db}`,
  organisation: `Nachbarschaftshilfe ${db}`,
};
const otto = {
  email: `otto-${db}@example.org`,
  name: `Otto Anders ${db}`,
  organisation: `Bürgerverein ${db}`,
};

function eventBody(title: string, days: number) {
  const startsAt = new Date(Date.now() + days * 86_400_000);
  return {
    title,
    description: 'Austausch der Quartiersakteure über Nachbarschaftshilfe und Begegnungsorte.',
    kind: 'vernetzungstreffen',
    fieldsOfAction: ['teilhabe'],
    municipality: 'nuertingen',
    venue: { name: 'Rathaus Nürtingen', street: 'Marktstraße 7', postalCode: '72622', city: 'Nürtingen' },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    capacity: 10,
    contact: { name: 'Seniorenbüro Nürtingen', email: 'senioren@example.org' },
  };
}

async function publishedEvent(title: string, days: number): Promise<string> {
  const created = await api().post('/api/events').set(org).send(eventBody(title, days));
  expect(created.status).toBe(201);
  expect((await api().post(`/api/events/${created.body.id}/publish`).set(org)).status).toBe(200);
  return created.body.id as string;
}

async function register(eventId: string, who: typeof paula): Promise<string> {
  const res = await api()
    .post(`/api/events/${eventId}/registrations`)
    .send({ ...who, accessibilityNeeds: 'Induktionsschleife', consent: true });
  expect(res.status).toBe(201);
  return String((await Registration.findOne({ eventId, email: who.email.toLowerCase() }).lean())!._id);
}

/** Signs up and confirms; `nth` is how many confirmation mails this address will then have had. */
async function subscribeToAlerts(email: string, nth = 1): Promise<void> {
  const res = await api()
    .post('/api/funding/subscriptions')
    .send({ email, consent: true, filters: { fieldsOfAction: ['teilhabe'] } });
  expect(res.status).toBe(202);
  const mails = await waitForMail({ to: email, subject: 'Förderprogramm' }, { count: nth });
  const latest = mails.reduce((a, b) => (a.id > b.id ? a : b));
  const token = tokenIn(latest, 'confirm');
  expect((await api().post(`/api/funding/subscriptions/confirm/${token}`)).status).toBe(200);
}

async function subscribeToNewsletter(listId: string, who: typeof paula, nth = 1): Promise<void> {
  const res = await api()
    .post(`/api/newsletter/lists/${listId}/subscribe`)
    .send({ email: who.email, name: who.name, consent: true });
  expect(res.status).toBe(202);
  const mails = await waitForMail({ to: who.email, subject: 'Newsletter' }, { count: nth });
  const latest = mails.reduce((a, b) => (a.id > b.id ? a : b));
  const path = apiPathOf(latest.text, 'confirm');
  expect((await api().post(path)).status).toBe(200);
}

/** Sends a campaign to the list and waits until the newsletter worker has finished it. */
async function sendCampaign(listId: string, subject: string): Promise<{ total: number; sent: number }> {
  const created = await api()
    .post('/api/newsletter/campaigns')
    .set(admin)
    .send({
      name: subject,
      subject,
      bodyMarkdown: 'Neues aus den Quartieren.',
      audience: { listIds: [listId] },
    });
  expect(created.status).toBe(201);
  expect(
    (await api().post(`/api/newsletter/campaigns/${created.body.id}/send`).set(admin)).status,
  ).toBeLessThan(300);
  for (let i = 0; i < 200; i++) {
    const p = await api().get(`/api/newsletter/campaigns/${created.body.id}/progress`).set(admin);
    if (p.body.status === 'sent') return p.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`campaign ${subject} not sent`);
}

let listId: string;
let events: string[];
let feedToken: string;
let manageToken: string;

beforeAll(async () => {
  aio = await startAllInOne(config);
  events = [
    await publishedEvent('Vernetzungstreffen Nürtingen', 10),
    await publishedEvent('Workshop Köngen', 20),
  ];
  await register(events[0]!, paula);
  await register(events[1]!, paula);
  await register(events[0]!, otto);
  const confirmations = await waitForMail({ to: paula.email }, { count: 2 });
  // The manage link leads to the API or to the web page, whichever the events domain uses.
  manageToken = /(?:\/api\/events\/manage|\/veranstaltungen\/anmeldung)\/([A-Za-z0-9_-]{43})/.exec(
    confirmations[0]!.text,
  )![1]!;
  const feed = await api().post('/feeds/personal').send({ manageToken });
  expect(feed.status).toBe(200);
  feedToken = feed.body.token;
  // Served (and cached) before the erasure: the erasure must drop the cached copy too.
  expect((await api().get(`/feeds/personal/${feedToken}.ics`)).status).toBe(200);
  await subscribeToAlerts(paula.email);
  await subscribeToAlerts(otto.email);
  const list = await api().post('/api/newsletter/lists').set(admin).send({ name: 'Aktive im Quartier' });
  expect(list.status).toBe(201);
  listId = list.body.id;
  await subscribeToNewsletter(listId, paula);
  await subscribeToNewsletter(listId, otto);
  expect(await sendCampaign(listId, `Ausgabe 1 ${db}`)).toMatchObject({ total: 2, sent: 2 });
  await waitForMail({ to: paula.email, subject: `Ausgabe 1 ${db}` });
  await ledgerSettled(paula.email);
  await ledgerSettled(otto.email);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

describe('one person across events, funding alerts, newsletter and calendar feeds', () => {
  it('exports all of it, with purposes and consent versions, and nothing of anybody else', async () => {
    const res = await api()
      .post('/api/privacy/admin/access')
      .set(admin)
      .send({ email: paula.email, tokens: [feedToken] });
    expect(res.status).toBe(200);
    const data = JSON.parse(res.text);
    const section = (key: string) => data.sections.find((s: { holder: string }) => s.holder === key);
    const regs = section('events.registrations').records;
    expect(regs).toHaveLength(2);
    expect(regs.map((r: { event: { title: string } }) => r.event.title).sort()).toEqual([
      'Vernetzungstreffen Nürtingen',
      'Workshop Köngen',
    ]);
    expect(regs[0]).toMatchObject({
      email: paula.email,
      name: paula.name,
      status: 'confirmed',
      consentTextVersion: expect.any(String),
    });
    expect(regs[0].manageTokenHash).toBeUndefined();
    expect(section('calendar.personal-feeds').records).toHaveLength(1);
    const subs = section('funding.subscriptions').records;
    expect(subs).toEqual([
      expect.objectContaining({
        email: paula.email,
        status: 'confirmed',
        consent: expect.objectContaining({ textVersion: expect.any(String) }),
      }),
    ]);
    const newsletterSubs = section('newsletter.subscribers').records;
    expect(newsletterSubs).toEqual([
      expect.objectContaining({ email: paula.email, name: paula.name, status: 'confirmed', listId }),
    ]);
    expect(section('newsletter.deliveries').records).toEqual([
      expect.objectContaining({ email: paula.email, outcome: 'sent' }),
    ]);
    // Confirmations of both registrations, the alert and newsletter sign-ups, the welcome or issue.
    expect(section('mail.ledger').records.length).toBeGreaterThanOrEqual(4);
    expect(section('events.registrations').retention.text.de).toMatch(/Tage nach der Veranstaltung/);
    for (const other of [otto.email, otto.name, otto.organisation]) expect(res.text).not.toContain(other);
    // Each consent record points to a listed version, and the export carries its exact words.
    const listed = (await api().get('/api/privacy/consent-texts')).body.consentTexts;
    const versions = listed.map((c: { domain: string; version: string }) => `${c.domain}:${c.version}`);
    expect(versions).toEqual(
      expect.arrayContaining([
        `events:${regs[0].consentTextVersion}`,
        `funding:${subs[0].consent.textVersion}`,
      ]),
    );
    expect(
      listed.every(
        (c: { current: boolean; changedWithoutNewVersion?: boolean }) =>
          c.current && !c.changedWithoutNewVersion,
      ),
    ).toBe(true);
    expect(data.consentTexts.map((c: { domain: string }) => c.domain).sort()).toEqual([
      'events',
      'funding',
      'newsletter',
    ]);
    expect(data.consentTexts[0].text.de).toMatch(/Ich /);
  });

  it('erases it everywhere: seats freed, feed 404, manage link 404, address suppressed', async () => {
    const countsBefore = await Promise.all(
      events.map(async (id) => (await api().get(`/api/events/${id}/counts`).set(org)).body),
    );
    const before = await countAll();
    const res = await api().post('/api/privacy/admin/erasure').set(admin).send({ email: paula.email });
    expect(res.status).toBe(200);
    expect(res.body.keptByLaw).toEqual([]);
    const erased = Object.fromEntries(
      res.body.erased.map((e: { holder: string; deleted: number; anonymised: number }) => [
        e.holder,
        e.deleted + e.anonymised,
      ]),
    );
    expect(erased).toMatchObject({
      'events.registrations': 2,
      'calendar.personal-feeds': 1,
      'funding.subscriptions': 1,
      'newsletter.subscribers': 1,
      'newsletter.deliveries': 1,
    });

    expect(await findAnywhere([paula.email, paula.name, paula.organisation])).toEqual([]);
    const countsAfter = await Promise.all(
      events.map(async (id) => (await api().get(`/api/events/${id}/counts`).set(org)).body),
    );
    // Both events are still to come: the person's seat goes back as a cancellation's would.
    type Counts = Record<string, number>;
    expect(countsAfter).toEqual(
      (countsBefore as Counts[]).map((c) => ({
        ...c,
        cancelled: c.cancelled! + 1,
        confirmed: c.confirmed! - 1,
        confirmedSeats: c.confirmedSeats! - 1,
        seatsTaken: c.seatsTaken! - 1,
        seatsLeft: c.seatsLeft! + 1,
      })),
    );
    const after = await countAll();
    expect(after).toEqual({
      ...before,
      calendar_personal_feeds: before.calendar_personal_feeds! - 1,
      // And the pointer of the feed's token.
      calendar_personal_feed_token_keys: before.calendar_personal_feed_token_keys! - 1,
      audit_log: before.audit_log! + 1,
      suppressions: (before.suppressions ?? 0) + 1,
      privacy_requests: before.privacy_requests! + 1,
      // The funding match index's outbox is transient (docs/adr/0006): the erasure drains it
      // when it gets the index lock in time, otherwise the next match does.
      funding_match_index_changes: after.funding_match_index_changes,
      // The pointers of the person's three link tokens go with their hashes.
      funding_subscription_token_keys: before.funding_subscription_token_keys! - 3,
      // And the key of the address's one sign-up (it holds the address's HMAC).
      funding_subscription_address_keys: before.funding_subscription_address_keys! - 1,
      // And the (event, address) pointers of the person's two registrations.
      event_registration_keys: before.event_registration_keys! - 2,
      // And the index of the address's registrations (keyed by its HMAC, docs/adr/0011).
      event_registrant_index: before.event_registrant_index! - 1,
      event_seats: before.event_seats! - 2,
    });
    expect((await api().get(`/feeds/personal/${feedToken}.ics`)).status).toBe(404);
    expect((await api().get(`/api/events/manage/${manageToken}`)).status).toBe(404);
    expect(await isSuppressed(paula.email, config.SECRET_KEY)).toBe(true);
    // Otto is untouched.
    expect(await Registration.countDocuments({ email: otto.email, name: otto.name })).toBe(1);
    expect((await Subscription.findOne({ email: otto.email }).lean())!.status).toBe('confirmed');
  });

  it('skips the person in a newsletter sent afterwards', async () => {
    const subject = `Ausgabe 2 ${db}`;
    expect(await sendCampaign(listId, subject)).toMatchObject({ total: 1, sent: 1 });
    await waitForMail({ to: otto.email, subject });
    expect(await listMail({ to: paula.email, subject })).toEqual([]);
    expect(await findAnywhere([paula.email, paula.name])).toEqual([]);
  });

  it('lets the person come back with a fresh opt-in', async () => {
    await subscribeToAlerts(paula.email, 2);
    expect((await Subscription.findOne({ email: paula.email }).lean())!.status).toBe('confirmed');
    // The confirmed opt-in lifted the erasure's suppression.
    expect(await isSuppressed(paula.email, config.SECRET_KEY)).toBe(false);
    await register(events[1]!, paula);
    expect(await Registration.countDocuments({ eventId: events[1], email: paula.email })).toBe(1);
    await subscribeToNewsletter(listId, paula, 2);
    const subject = `Ausgabe 3 ${db}`;
    expect(await sendCampaign(listId, subject)).toMatchObject({ total: 2, sent: 2 });
    await waitForMail({ to: paula.email, subject });
  });
});
