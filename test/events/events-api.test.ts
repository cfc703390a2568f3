import mongoose from 'mongoose';
import { AuditEntry } from '@qn/audit';
import { CONSENT_TEXT_VERSION, Event, Registration, Seat, manageTokenOf } from '@qn/events';
import { waitForMail, listMail } from '@qn/testing';
import { seedEvents } from '../../packages/seed/src/seed-events';
import { eventsStack, organiserToken } from './support/all-in-one-stack';

/** The events service through the all-in-one on the real FerretDB, Redis, BullMQ and SMTP mailbox. */
const ADMIN_TOKEN = 'events-admin-token-0123456789abcdef';
const ORG_TOKEN = 'events-organiser-token-0123456789abc';
const OTHER_TOKEN = 'events-other-org-token-0123456789abc';
// No SEED_DEMO: this file makes its own accounts, so other domains' demo data never matter here.
const s = eventsStack('evapi', { ADMIN_TOKEN });
const { db, config, api } = s;
const org = { Authorization: `Bearer ${ORG_TOKEN}` };
const other = { Authorization: `Bearer ${OTHER_TOKEN}` };
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  await organiserToken(db, 'stadt-nuertingen', ORG_TOKEN);
  await organiserToken(db, 'gemeinde-koengen', OTHER_TOKEN, 'other');
});

function eventBody(overrides: Record<string, unknown> = {}, days = 10) {
  const startsAt = new Date(Date.now() + days * 86_400_000);
  return {
    title: 'Fachgespräch Wohnen im Alter',
    description: 'Gemeinschaftliche Wohnformen im Quartier: Erfahrungen aus Köngen und Nürtingen.',
    kind: 'fachgespraech',
    fieldsOfAction: ['wohnen'],
    municipality: 'nuertingen',
    venue: {
      name: 'Bürgertreff Roßdorf',
      street: 'Rotenbergstraße 5',
      postalCode: '72622',
      city: 'Nürtingen',
    },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    capacity: 2,
    contact: { name: 'Seniorenbüro Nürtingen', email: 'senioren@example.org' },
    accessibility: 'Rollstuhlgerecht, Hörschleife',
    maxCompanions: 1,
    ...overrides,
  };
}

async function publishedEvent(overrides: Record<string, unknown> = {}, days = 10): Promise<string> {
  const created = await api().post('/api/events').set(org).send(eventBody(overrides, days));
  expect(created.status).toBe(201);
  const pub = await api().post(`/api/events/${created.body.id}/publish`).set(org);
  expect(pub.status).toBe(200);
  return created.body.id;
}

/** The public answer carries no id (it would tell a known address from a new one): read it here. */
async function registrationIdOf(eventId: string, email: string): Promise<string> {
  const reg = await Registration.findOne({ eventId, email: email.toLowerCase() }).lean();
  return String(reg!._id);
}

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  name: 'Anna Schäfer',
  email,
  consent: true,
  ...extra,
});

describe('events API', () => {
  it('confirms, waitlists, mails a confirmation with .ics and manage link, and promotes on cancellation', async () => {
    const id = await publishedEvent();
    const a = `a-${db}@example.org`;
    const b = `b-${db}@example.org`;
    const c = `c-${db}@example.org`;
    const ra = await api().post(`/api/events/${id}/registrations`).send(person(a));
    expect(ra.status).toBe(201);
    expect(ra.body.registration.status).toBe('confirmed');
    const aId = await registrationIdOf(id, a);
    const stored = await Registration.findById(aId).lean();
    expect(stored!.consentTextVersion).toBe(CONSENT_TEXT_VERSION);
    expect(stored!.consentAt).toBeInstanceOf(Date);
    expect(stored!.manageTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(manageTokenOf(config.SECRET_KEY, aId));
    expect(
      (await api().post(`/api/events/${id}/registrations`).send(person(b))).body.registration.status,
    ).toBe('confirmed');
    const rc = await api().post(`/api/events/${id}/registrations`).send(person(c));
    expect(rc.body.registration.status).toBe('waitlisted');

    // Same address again: no second seat (what the answer says is the next test's subject).
    await api().post(`/api/events/${id}/registrations`).send(person(a.toUpperCase()));
    expect(await Registration.countDocuments({ eventId: id })).toBe(3);

    const [confirmation] = await waitForMail({ to: a, subject: 'Anmeldung bestätigt' });
    expect(confirmation!.text).toContain('Rollstuhlgerecht');
    expect(confirmation!.headers['auto-submitted']).toBe('auto-generated');
    expect(confirmation!.text).toContain(`${config.PUBLIC_URL}/veranstaltungen/${id}`);
    expect(confirmation!.text).toContain(`${config.PUBLIC_URL}/veranstaltungen/anmeldung/`);
    const ics = confirmation!.attachments.find((x) => x.contentType.startsWith('text/calendar'));
    expect(ics?.content).toContain('METHOD:REQUEST');
    expect(ics?.content).toContain(`UID:event-${id}@quartiersnetz`);
    expect(ics?.content).toMatch(/SEQUENCE:1/);
    await waitForMail({ to: c, subject: 'Warteliste' });

    // The manage link shows the registration and cancels it; the waiting list moves up.
    const token = confirmation!.text.match(/\/veranstaltungen\/anmeldung\/([A-Za-z0-9_-]{43})/)![1]!;
    const seen = await api().get(`/api/events/manage/${token}`);
    expect(seen.body.registration.status).toBe('confirmed');
    const cancelled = await api().post(`/api/events/manage/${token}/cancel`);
    expect(cancelled.body.registration.status).toBe('cancelled');
    const [promotion] = await waitForMail({ to: c, subject: 'Platz ist frei' });
    expect(promotion!.attachments.some((x) => x.content.includes('METHOD:REQUEST'))).toBe(true);
    const [receipt] = await waitForMail({ to: a, subject: 'Abmeldung bestätigt' });
    const cancelIcs = receipt!.attachments.find((x) => x.content.includes('METHOD:CANCEL'))!;
    // RFC 5546: the CANCEL must be newer than the invitation it removes, by (SEQUENCE, DTSTAMP).
    const stampOf = (text: string) => /\r?\nDTSTAMP:(\d{8}T\d{6}Z)/.exec(text)![1]!;
    const sequenceOf = (text: string) => Number(/\r?\nSEQUENCE:(\d+)/.exec(text)![1]);
    expect(sequenceOf(cancelIcs.content)).toBeGreaterThanOrEqual(sequenceOf(ics!.content));
    expect(stampOf(cancelIcs.content) > stampOf(ics!.content)).toBe(true);
    // A text/calendar attachment, as calendar clients expect; never application/ics.
    expect(cancelIcs.contentType).toMatch(/^text\/calendar/);
    expect(receipt!.attachments.map((x) => x.contentType)).not.toContain('application/ics');
    expect(await Registration.countDocuments({ eventId: id, status: 'confirmed' })).toBe(2);
    expect(await Seat.countDocuments({ eventId: id })).toBe(2);
    expect((await api().get('/api/events/manage/' + 'x'.repeat(43))).status).toBe(404);
  });

  it('answers a known address exactly like a new one and tells its owner by mail instead', async () => {
    const id = await publishedEvent({ capacity: 1 });
    const owner = `owner-${db}@example.org`;
    const stranger = `fresh-${db}@example.org`;
    await api()
      .post(`/api/events/${id}/registrations`)
      .send(
        person(owner, { name: 'Olga Owner', organisation: 'Seniorenrat', accessibilityNeeds: 'Rollstuhl' }),
      );
    await waitForMail({ to: owner, subject: 'Anmeldung bestätigt' });
    // The event is full now: a stranger typing the owner's address and a truly new address
    // get the same status, the same fields and nothing of what the owner once entered.
    const probe = { name: 'Mallory', organisation: 'Neugier e.V.' };
    const known = await api()
      .post(`/api/events/${id}/registrations`)
      .send(person(owner.toUpperCase(), probe));
    const fresh = await api().post(`/api/events/${id}/registrations`).send(person(stranger, probe));
    expect(known.status).toBe(fresh.status);
    expect(known.status).toBe(201);
    const shape = (b: { registration: Record<string, unknown> }) => ({ ...b.registration, email: undefined });
    expect(shape(known.body)).toEqual(shape(fresh.body));
    expect(Object.keys(known.body)).toEqual(['registration']);
    const answer = JSON.stringify(known.body);
    for (const secret of ['Olga', 'Rollstuhl', 'Seniorenrat', await registrationIdOf(id, owner)])
      expect(answer).not.toContain(secret);
    // Stored: unchanged, still confirmed; the owner gets a note with their own manage link.
    const stored = await Registration.findOne({ eventId: id, email: owner }).lean();
    expect(stored).toMatchObject({
      name: 'Olga Owner',
      status: 'confirmed',
      accessibilityNeeds: 'Rollstuhl',
    });
    const [note] = await waitForMail({ to: owner, subject: 'Sie sind bereits angemeldet' });
    expect(note!.text).toContain('Guten Tag Olga Owner');
    expect(note!.text).toContain('Ihre Anmeldung ist bestätigt.');
    expect(note!.text).toContain(
      `/veranstaltungen/anmeldung/${manageTokenOf(config.SECRET_KEY, String(stored!._id))}`,
    );
    expect(note!.text).not.toContain('Mallory');
    // At most one such note a day, however often the address is tried.
    await api().post(`/api/events/${id}/registrations`).send(person(owner, probe));
    await waitForMail({ to: stranger, subject: 'Warteliste' });
    expect(await listMail({ to: owner, subject: 'Sie sind bereits angemeldet' })).toHaveLength(1);

    // Fully booked without a waiting list: a known address is refused just like a new one.
    const noList = await publishedEvent({ capacity: 1, waitlistEnabled: false });
    await api().post(`/api/events/${noList}/registrations`).send(person(owner));
    const knownFull = await api().post(`/api/events/${noList}/registrations`).send(person(owner, probe));
    const freshFull = await api().post(`/api/events/${noList}/registrations`).send(person(stranger, probe));
    expect(knownFull.status).toBe(409);
    expect(freshFull.status).toBe(409);
    expect(knownFull.body.detail).toBe(freshFull.body.detail);
  });

  it('offers a freed seat with a deadline; accepting confirms, an expired offer passes on', async () => {
    const id = await publishedEvent({ capacity: 1, promotionMode: 'offer', offerHours: 48 });
    const [x, y, z] = ['x', 'y', 'z'].map((n) => `${n}-${db}@example.org`);
    await api().post(`/api/events/${id}/registrations`).send(person(x!));
    await api().post(`/api/events/${id}/registrations`).send(person(y!));
    await api().post(`/api/events/${id}/registrations`).send(person(z!));
    await api().post(
      `/api/events/manage/${manageTokenOf(config.SECRET_KEY, await registrationIdOf(id, x!))}/cancel`,
    );
    const ry = await Registration.findOne({ eventId: id, email: y }).lean();
    expect(ry!.status).toBe('offered');
    expect(ry!.offerExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000);
    await waitForMail({ to: y!, subject: 'bitte bestätigen' });
    // The expiry job is delayed to the deadline.
    const jobs = await s.aio.rt.producer.queue('events').getDelayed();
    expect(jobs.some((j) => j.name === 'events.expire-offer')).toBe(true);
    const { expireOffer, eventsDepsOf } = await import('@qn/events');
    const deps = eventsDepsOf(s.aio.rt);
    // Fired early: nothing happens; at the deadline: the seat goes to z as an offer.
    expect(
      await expireOffer(deps, { registrationId: String(ry!._id), offerExpiresAt: ry!.offerExpiresAt! }),
    ).toBe(false);
    expect(
      await expireOffer(deps, {
        registrationId: String(ry!._id),
        offerExpiresAt: ry!.offerExpiresAt!,
        now: new Date(ry!.offerExpiresAt!.getTime() + 1000),
      }),
    ).toBe(true);
    const rz = await Registration.findOne({ eventId: id, email: z }).lean();
    expect(rz!.status).toBe('offered');
    const accepted = await api().post(
      `/api/events/manage/${manageTokenOf(config.SECRET_KEY, String(rz!._id))}/accept`,
    );
    expect(accepted.body.registration.status).toBe('confirmed');
    expect(await Seat.countDocuments({ eventId: id })).toBe(1);
  });

  it('refuses closed windows, cancelled and past events, and full events without a waiting list, storing nothing', async () => {
    const notOpen = await publishedEvent({
      registrationOpensAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const closed = await publishedEvent({
      registrationOpensAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      registrationClosesAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const noList = await publishedEvent({ capacity: 1, waitlistEnabled: false });
    const cancelled = await publishedEvent();
    await api().post(`/api/events/${cancelled}/cancel`).set(org);
    const past = await publishedEvent();
    await Event.updateOne(
      { _id: past },
      { $set: { startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() - 1800_000) } },
    );
    const before = await Registration.countDocuments();
    expect(
      (
        await api()
          .post(`/api/events/${notOpen}/registrations`)
          .send(person(`w1-${db}@example.org`))
      ).status,
    ).toBe(422);
    expect(
      (
        await api()
          .post(`/api/events/${closed}/registrations`)
          .send(person(`w1-${db}@example.org`))
      ).status,
    ).toBe(422);
    expect(
      (
        await api()
          .post(`/api/events/${cancelled}/registrations`)
          .send(person(`w1-${db}@example.org`))
      ).status,
    ).toBe(410);
    expect(
      (
        await api()
          .post(`/api/events/${past}/registrations`)
          .send(person(`w1-${db}@example.org`))
      ).status,
    ).toBe(410);
    expect(
      (
        await api()
          .post(`/api/events/${noList}/registrations`)
          .send(person(`w1-${db}@example.org`))
      ).status,
    ).toBe(201);
    const full = await api()
      .post(`/api/events/${noList}/registrations`)
      .send(person(`w2-${db}@example.org`));
    expect(full.status).toBe(409);
    expect(await Registration.countDocuments()).toBe(before + 1);
  });

  it('limits self-registrations per address (config): 429 problem+json with Retry-After, nothing stored', async () => {
    const id = await publishedEvent({ capacity: 10 });
    const email = `limit-${db}@example.org`;
    for (let i = 0; i < config.RATE_LIMIT_PER_EMAIL; i++) {
      const res = await api().post(`/api/events/${id}/registrations`).send(person(email));
      expect(res.status).toBe(201);
    }
    const over = await api().post(`/api/events/${id}/registrations`).send(person(email.toUpperCase()));
    expect(over.status).toBe(429);
    expect(over.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(await Registration.countDocuments({ email })).toBe(1);
  });

  it('validates every input: types, unknown and missing fields, size, addresses, operator injection', async () => {
    const id = await publishedEvent();
    const before = await Registration.countDocuments();
    const bad = await api()
      .post(`/api/events/${id}/registrations`)
      .send({ name: 42, email: { $gt: '' }, extra: true, organisation: 'x'.repeat(201) });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['consent', 'email', 'extra', 'name', 'organisation'].sort(),
    );
    const badMail = await api().post(`/api/events/${id}/registrations`).send(person('not-an-address'));
    expect(badMail.body.errors.map((e: { field: string }) => e.field)).toEqual(['email']);
    const tooMany = await api()
      .post(`/api/events/${id}/registrations`)
      .send(person(`tm-${db}@example.org`, { companions: 3 }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('companions');
    expect(await Registration.countDocuments()).toBe(before);

    const eventsBefore = await Event.countDocuments();
    const badEvent = await api()
      .post('/api/events')
      .set(org)
      .send({
        ...eventBody(),
        capacity: '40',
        kind: 'party',
        municipality: { $ne: null },
        title: 'x'.repeat(201),
        surprise: 1,
      });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['capacity', 'kind', 'municipality', 'surprise', 'title'].sort(),
    );
    // One body, so startsAt and endsAt come from the same instant.
    const sameInstant = eventBody();
    const badTimes = await api()
      .post('/api/events')
      .set(org)
      .send({ ...sameInstant, endsAt: sameInstant.startsAt });
    expect(badTimes.body.errors.map((e: { field: string }) => e.field)).toEqual(['endsAt']);
    expect(await Event.countDocuments()).toBe(eventsBefore);
    const badPatch = await api()
      .patch(`/api/events/${id}`)
      .set(org)
      .send({ capacity: 'viele', venue: { name: { $gt: '' } }, status: 'cancelled' });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['capacity', 'status', 'venue.name'].sort(),
    );
    expect((await api().patch(`/api/events/${id}`).set(org).send({})).status).toBe(400);
    expect((await Event.findById(id).lean())!.capacity).toBe(2);
    const badQuery = await api().get('/api/events').query({ pageSize: 1000, kind: 'party' });
    expect(badQuery.status).toBe(400);
    expect((await api().get('/api/events/not-an-id')).status).toBe(404);
  });

  it('lets organisers manage only their own organisation; admins manage all; every change audited', async () => {
    const id = await publishedEvent();
    expect((await api().get(`/api/events/${id}/attendees`).set(other)).status).toBe(403);
    expect((await api().patch(`/api/events/${id}`).set(other).send({ capacity: 5 })).status).toBe(403);
    expect((await api().get(`/api/events/${id}/attendees`)).status).toBe(401);
    expect((await api().get(`/api/events/${id}/attendees`).set(admin)).status).toBe(200);
    const forOther = await api()
      .post('/api/events')
      .set(org)
      .send({ ...eventBody(), organisationId: 'gemeinde-koengen' });
    expect(forOther.status).toBe(403);
    const byAdmin = await api()
      .post('/api/events')
      .set(admin)
      .send({ ...eventBody(), organisationId: 'gemeinde-koengen' });
    expect(byAdmin.status).toBe(201);
    const audits = await AuditEntry.find({ objectId: id }).lean();
    expect(audits.map((a) => a.action).sort()).toEqual(['event.create', 'event.publish']);
  });

  it('organiser tools: on-behalf registration, CSV import, check-in and undo, counts, Excel-safe CSV export', async () => {
    const id = await publishedEvent({ capacity: 3 });
    const phone = await api()
      .post(`/api/events/${id}/attendees`)
      .set(org)
      .send(person(`phone-${db}@example.org`, { name: '=HYPERLINK("http://evil")' }));
    expect(phone.status).toBe(201);
    const csv = [
      'Name;E-Mail;Organisation;Begleitpersonen',
      `Jürgen Weiß;juergen-${db}@example.org;Kreisseniorenrat;1`,
      `Ömer Yılmaz;oemer-${db}@example.org;"Verein ""Miteinander""; Köngen";0`,
      `Ohne Adresse;keine-adresse;;0`,
    ].join('\r\n');
    const imp = await api().post(`/api/events/${id}/attendees/import`).set(org).send({ csv, consent: true });
    expect(imp.status).toBe(200);
    expect(imp.body).toMatchObject({ created: 2, confirmed: 1, waitlisted: 1 });
    expect(imp.body.rejected).toEqual([{ line: 4, errors: [expect.objectContaining({ field: 'email' })] }]);
    const list = await api().get(`/api/events/${id}/attendees`).set(org);
    expect(list.body.items.map((a: { status: string }) => a.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    const regId = phone.body.attendee.id;
    expect(
      (await api().post(`/api/events/${id}/attendees/${regId}/check-in`).set(org)).body.checkedInAt,
    ).toBeTruthy();
    expect((await api().get(`/api/events/${id}/counts`).set(org)).body).toMatchObject({
      confirmed: 2,
      confirmedSeats: 3,
      waitlisted: 1,
      attended: 1,
      seatsLeft: 0,
    });
    expect(
      (await api().delete(`/api/events/${id}/attendees/${regId}/check-in`).set(org)).body.checkedInAt,
    ).toBeUndefined();
    const exp = await api()
      .get(`/api/events/${id}/attendees/export`)
      .set(org)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(exp.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    const bytes = exp.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Name;E-Mail;Organisation');
    expect(text).toContain('Jürgen Weiß');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('"Verein ""Miteinander""; Köngen"');
    const actions = (await AuditEntry.find({ organisationId: 'stadt-nuertingen' }).lean()).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'event.attendee.register',
        'event.attendees.import',
        'event.attendee.check-in',
        'event.attendee.check-in-undo',
        'event.attendees.export',
      ]),
    );
  });

  it('organisers cancel for someone, only within the event, and the waiting list moves up', async () => {
    const id = await publishedEvent({ capacity: 1 });
    const otherId = await publishedEvent({ capacity: 1 });
    const first = await api()
      .post(`/api/events/${id}/attendees`)
      .set(org)
      .send(person(`oc1-${db}@example.org`));
    await api()
      .post(`/api/events/${id}/registrations`)
      .send(person(`oc2-${db}@example.org`));
    const rid = first.body.attendee.id;
    expect((await api().post(`/api/events/${otherId}/attendees/${rid}/cancel`).set(org)).status).toBe(404);
    expect((await api().post(`/api/events/${id}/attendees/${rid}/cancel`).set(other)).status).toBe(403);
    const res = await api().post(`/api/events/${id}/attendees/${rid}/cancel`).set(org);
    expect(res.body.status).toBe('cancelled');
    expect((await Registration.findOne({ eventId: id, email: `oc2-${db}@example.org` }).lean())!.status).toBe(
      'confirmed',
    );
    expect(await AuditEntry.countDocuments({ action: 'event.attendee.cancel', objectId: rid })).toBe(1);
  });

  it('lists published events with filters, free text, pagination and seats left', async () => {
    const a = await publishedEvent(
      {
        title: 'Digitale Sprechstunde für Senioren',
        kind: 'schulung',
        fieldsOfAction: ['digitalisierung'],
        municipality: 'koengen',
        capacity: 5,
      },
      40,
    );
    await publishedEvent(
      { title: 'Quartiersspaziergang Mobilität', kind: 'beteiligung', fieldsOfAction: ['mobilitaet'] },
      41,
    );
    await api()
      .post('/api/events')
      .set(org)
      .send(eventBody({ title: 'Entwurf Digitale Welt' }, 40)); // draft: hidden
    await api()
      .post(`/api/events/${a}/registrations`)
      .send(person(`list-${db}@example.org`));
    const range = {
      from: new Date(Date.now() + 39 * 86_400_000).toISOString(),
      to: new Date(Date.now() + 42 * 86_400_000).toISOString(),
    };
    const all = await api().get('/api/events').query(range);
    expect(all.body.total).toBe(2);
    const byText = await api()
      .get('/api/events')
      .query({ ...range, q: 'digitál SPRECH' });
    expect(byText.body.items.map((e: { id: string }) => e.id)).toEqual([a]);
    expect(byText.body.items[0].seatsLeft).toBe(4);
    expect(
      (
        await api()
          .get('/api/events')
          .query({ ...range, municipality: 'koengen' })
      ).body.total,
    ).toBe(1);
    expect(
      (
        await api()
          .get('/api/events')
          .query({ ...range, fieldOfAction: 'mobilitaet' })
      ).body.total,
    ).toBe(1);
    expect(
      (
        await api()
          .get('/api/events')
          .query({ ...range, kind: 'schulung' })
      ).body.total,
    ).toBe(1);
    const page2 = await api()
      .get('/api/events')
      .query({ ...range, pageSize: 1, page: 2 });
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0].id).not.toBe(a);
    const detail = await api().get(`/api/events/${a}`);
    expect(detail.body).toMatchObject({ id: a, seatsLeft: 4 });
    expect(detail.body.searchTerms).toBeUndefined();
  });

  it('moves reminders with the event, tells registrants with a higher SEQUENCE, and cancels with METHOD:CANCEL', async () => {
    const id = await publishedEvent({ capacity: 5 }, 3);
    const r = `rem-${db}@example.org`;
    await api().post(`/api/events/${id}/registrations`).send(person(r));
    const regId = await registrationIdOf(id, r);
    const queue = s.aio.rt.producer.queue('events');
    const job = await queue.getJob(`event-reminder|${regId}|1440`);
    expect(job).toBeDefined();
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    const moved = await api()
      .patch(`/api/events/${id}`)
      .set(org)
      .send({
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      });
    expect(moved.status).toBe(200);
    expect(moved.body.sequence).toBe(2);
    const [notice] = await waitForMail({ to: r, subject: 'Änderung' });
    const ics = notice!.attachments.find((x) => x.content.includes('BEGIN:VCALENDAR'))!.content;
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain(`UID:event-${id}@quartiersnetz`);
    const movedJob = await queue.getJob(`event-reminder|${regId}|1440`);
    expect(movedJob!.timestamp + movedJob!.opts.delay!).toBeGreaterThan(
      startsAt.getTime() - 86_400_000 - 60_000,
    );
    // Someone registering after the reminder time gets none.
    const soon = await publishedEvent({ capacity: 5, reminderOffsetsMinutes: [1440] }, 0.5);
    await api()
      .post(`/api/events/${soon}/registrations`)
      .send(person(`late-${db}@example.org`));
    expect(
      await queue.getJob(`event-reminder|${await registrationIdOf(soon, `late-${db}@example.org`)}|1440`),
    ).toBeUndefined();

    await api().post(`/api/events/${id}/cancel`).set(org);
    const [cancel] = await waitForMail({ to: r, subject: 'Abgesagt' });
    expect(cancel!.attachments.find((x) => x.content.includes('BEGIN:VCALENDAR'))!.content).toContain(
      'METHOD:CANCEL',
    );
    expect(await queue.getJob(`event-reminder|${regId}|1440`)).toBeUndefined();
    const changed = (
      await s.aio.rt.producer.queue('domain-events').getJobs(['waiting', 'delayed', 'completed'])
    )
      .filter((j) => j.name === 'events.changed' && j.data.payload.eventId === id)
      .map((j) => j.data.payload.change)
      .sort();
    expect(changed).toEqual(['cancelled', 'created', 'published', 'updated']);
    expect((await listMail({ to: r, subject: 'Abgesagt' })).length).toBe(1);
  });

  it('anonymises registrations after the retention period, keeping the counts', async () => {
    const id = await publishedEvent({ capacity: 5 });
    await api()
      .post(`/api/events/${id}/registrations`)
      .send(person(`old-${db}@example.org`, { organisation: 'Verein' }));
    await Event.updateOne(
      { _id: id },
      {
        $set: {
          startsAt: new Date(Date.now() - 100 * 86_400_000),
          endsAt: new Date(Date.now() - 99 * 86_400_000),
        },
      },
    );
    const { anonymiseEventRegistrations } = await import('@qn/events');
    const r = await anonymiseEventRegistrations({ olderThanDays: 90 });
    expect(r.registrations).toBeGreaterThanOrEqual(1);
    const reg = await Registration.findOne({ eventId: id }).lean();
    expect(reg!.email).not.toContain('old-');
    expect(reg!.name).toBe('anonymisiert');
    expect(reg!.organisation).toBeUndefined();
    const counts = await api().get(`/api/events/${id}/counts`).set(org);
    expect(counts.body.confirmed).toBe(1);
    const schedulers = await s.aio.rt.producer.queue('events').getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual(
      expect.arrayContaining(['events-retention', 'events-reconcile']),
    );
  });

  it('reconciles a crash between a write and its enqueue: owed mails go out, orphan seats are freed', async () => {
    const id = await publishedEvent({ capacity: 2 });
    const { reconcileEvents, eventsDepsOf, hashManageToken, CONSENT_TEXT_VERSION } =
      await import('@qn/events');
    const now = new Date();
    // Written, then the process died before enqueueing the confirmation.
    const crashed = new mongoose.Types.ObjectId();
    const crashedEmail = `crash-${db}@example.org`;
    await Registration.collection.insertOne({
      _id: crashed,
      eventId: id,
      email: crashedEmail,
      name: 'Karl Absturz',
      companions: 0,
      status: 'confirmed',
      confirmedAt: now,
      manageTokenHash: hashManageToken(manageTokenOf(config.SECRET_KEY, String(crashed))),
      consentAt: now,
      consentTextVersion: CONSENT_TEXT_VERSION,
      source: 'self',
      createdAt: now,
      updatedAt: now,
    });
    await Seat.collection.insertOne({
      _id: `${id}:1` as never,
      eventId: id,
      seatNo: 1,
      registrationId: String(crashed),
      takenAt: now,
    });
    // A seat claimed by a registration that was never written (died between the two inserts).
    await Seat.collection.insertOne({
      _id: `${id}:2` as never,
      eventId: id,
      seatNo: 2,
      registrationId: String(new mongoose.Types.ObjectId()),
      takenAt: new Date(now.getTime() - 5 * 60_000),
    });
    const waiting = `waiting-${db}@example.org`;
    const w = await api().post(`/api/events/${id}/registrations`).send(person(waiting));
    expect(w.body.registration.status).toBe('waitlisted');

    const r = await reconcileEvents(eventsDepsOf(s.aio.rt), { sinceMinutes: 60 });
    expect(r.orphanSeats).toBeGreaterThanOrEqual(1);
    await waitForMail({ to: crashedEmail, subject: 'Anmeldung bestätigt' });
    await waitForMail({ to: waiting, subject: 'Platz ist frei' });
    expect((await Registration.findOne({ eventId: id, email: waiting }).lean())!.status).toBe('confirmed');
    expect(await Seat.countDocuments({ eventId: id })).toBe(2);
    // Running it again sends nothing twice.
    await reconcileEvents(eventsDepsOf(s.aio.rt), { sinceMinutes: 60 });
    await new Promise((res) => setTimeout(res, 500));
    expect(await listMail({ to: crashedEmail, subject: 'Anmeldung bestätigt' })).toHaveLength(1);
    expect(await listMail({ to: waiting, subject: 'Platz ist frei' })).toHaveLength(1);
    // An event that never changed after publication owes no change notice.
    expect(await listMail({ to: crashedEmail, subject: 'Änderung' })).toHaveLength(0);
    expect(await listMail({ to: waiting, subject: 'Änderung' })).toHaveLength(0);
  });
});

describe('demo seed', () => {
  it('publishes the demo events once, and they take registrations', async () => {
    await seedEvents();
    await seedEvents();
    expect(await Event.countDocuments({ _id: '65e000000000000000000002' })).toBe(1);
    const res = await api()
      .post('/api/events/65e000000000000000000002/registrations')
      .send({ name: 'Demo Person', email: `demo-${db}@example.org`, consent: true });
    expect(res.body.registration.status).toBe('confirmed');
    const list = await api().get('/api/events').query({ q: 'nachbarschaftshilfe' });
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain('65e000000000000000000002');
  });
});
