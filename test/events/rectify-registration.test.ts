import { AuditEntry } from '@qn/audit';
import {
  Event,
  Registration,
  cancelEvent,
  createEvent,
  eventsDepsOf,
  manageTokenOf,
  publishEvent,
  sendReminder,
} from '@qn/events';
import { waitForMail } from '@qn/testing';
import { eventFields } from './events-fixtures';
import { eventsStack, organiserToken } from './support/all-in-one-stack';

/**
 * Rectification (DSGVO Art. 16) through the manage link, on the real FerretDB, Redis and
 * BullMQ: the registrant corrects name, organisation and accessibility needs; the organiser's
 * attendee list and CSV export show the corrected data; bad input changes nothing.
 */
const ORG_TOKEN = 'rectify-organiser-token-0123456789abc';
const s = eventsStack('evrect');
const { db, config, api } = s;
const org = { Authorization: `Bearer ${ORG_TOKEN}` };

beforeAll(() => organiserToken(db, 'stadt-nuertingen', ORG_TOKEN));

async function publishedEvent(capacity = 1): Promise<string> {
  const deps = eventsDepsOf(s.aio.rt);
  const e = await createEvent(deps, {
    ...eventFields({ capacity }),
    organisationId: 'stadt-nuertingen',
  });
  await publishEvent(deps, { eventId: String(e._id) });
  return String(e._id);
}

async function register(eventId: string, email: string, extra: Record<string, unknown> = {}) {
  const res = await api()
    .post(`/api/events/${eventId}/registrations`)
    .send({ name: 'Anna Schäfer', email, consent: true, ...extra });
  expect(res.status).toBe(201);
  const id = String((await Registration.findOne({ eventId, email: email.toLowerCase() }).lean())!._id);
  return { id, token: manageTokenOf(config.SECRET_KEY, id), status: res.body.registration.status };
}

const stored = (id: string) => Registration.findById(id).lean();

describe('rectification through the manage link (API)', () => {
  it('corrects a confirmed and a waitlisted registration; the owner and the organiser see it', async () => {
    const eventId = await publishedEvent(1);
    const a = await register(eventId, `a-${db}@example.org`, { organisation: 'Stadt Nürtingen' });
    const b = await register(eventId, `b-${db}@example.org`, { accessibilityNeeds: 'Rollstuhl' });
    expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);

    const ra = await api().patch(`/api/events/manage/${a.token}`).send({
      name: '  Anna Schäfer-Lang ',
      organisation: 'Seniorenrat Nürtingen',
      accessibilityNeeds: 'Hörschleife',
    });
    expect(ra.status).toBe(200);
    expect(ra.body.registration).toMatchObject({
      name: 'Anna Schäfer-Lang',
      organisation: 'Seniorenrat Nürtingen',
      accessibilityNeeds: 'Hörschleife',
      status: 'confirmed',
      email: `a-${db}@example.org`,
    });
    expect(ra.body.changed.sort()).toEqual(['accessibilityNeeds', 'name', 'organisation']);

    // null clears an optional field; the waiting-list place stays as it was.
    const before = await stored(b.id);
    const rb = await api()
      .patch(`/api/events/manage/${b.token}`)
      .send({ name: 'Bernd Roth', accessibilityNeeds: null });
    expect(rb.status).toBe(200);
    const after = await stored(b.id);
    expect(after).toMatchObject({ name: 'Bernd Roth', status: 'waitlisted' });
    expect(after!.accessibilityNeeds).toBeUndefined();
    expect(after!.waitlistedAt).toEqual(before!.waitlistedAt);

    const mine = await api().get(`/api/events/manage/${a.token}`);
    expect(mine.body.registration).toMatchObject({
      name: 'Anna Schäfer-Lang',
      organisation: 'Seniorenrat Nürtingen',
    });

    const list = await api().get(`/api/events/${eventId}/attendees`).set(org);
    const names = list.body.items.map((x: { name: string }) => x.name).sort();
    expect(names).toEqual(['Anna Schäfer-Lang', 'Bernd Roth']);
    const csv = await api().get(`/api/events/${eventId}/attendees/export`).set(org);
    expect(csv.text).toContain('Anna Schäfer-Lang');
    expect(csv.text).toContain('Seniorenrat Nürtingen');
    expect(csv.text).not.toMatch(/Anna Schäfer[;,"]/);

    // Later mails read the registration when they go out: the reminder greets the corrected
    // name, and its manage link offers the correction.
    const event = await Event.findById(eventId).lean();
    const at = event!.startsAt.getTime() - 1440 * 60_000;
    expect(
      await sendReminder(eventsDepsOf(s.aio.rt), { registrationId: a.id, offsetMinutes: 1440, now: at }),
    ).toBe(true);
    const [reminder] = await waitForMail({ to: `a-${db}@example.org`, subject: 'Erinnerung' });
    expect(reminder!.text).toContain('Guten Tag Anna Schäfer-Lang,');
    expect(reminder!.text).toContain('Angaben berichtigen');

    // A self-service change by the data subject, like the self-service cancel: not audited.
    for (const id of [a.id, b.id]) expect(await AuditEntry.countDocuments({ objectId: id })).toBe(0);
  });

  it('rejects bad input with 400 naming each field, and changes nothing', async () => {
    const eventId = await publishedEvent(5);
    const r = await register(eventId, `c-${db}@example.org`, { organisation: 'Kirchengemeinde' });
    const original = await stored(r.id);
    const cases: [unknown, string[]][] = [
      [{ email: 'neu@example.org', foo: 1, name: 'X' }, ['email', 'foo']],
      [{ name: { $gt: '' } }, ['name']],
      [{ organisation: { $ne: null } }, ['organisation']],
      [{ name: 'x'.repeat(201) }, ['name']],
      [{ accessibilityNeeds: 'x'.repeat(1_001) }, ['accessibilityNeeds']],
      [{ name: '   ' }, ['name']],
      [{ name: null }, ['name']],
      [{ organisation: '' }, ['organisation']],
      [{ name: 42 }, ['name']],
      [{}, ['body']],
      [['name'], ['body']],
    ];
    for (const [body, fields] of cases) {
      const res = await api()
        .patch(`/api/events/manage/${r.token}`)
        .send(body as object);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const named = (res.body.errors as { field: string }[]).map((e) => e.field);
      for (const f of fields) expect(named).toContain(f);
    }
    const now = await stored(r.id);
    expect(now).toEqual(original);
  });

  it('answers 404 for an unknown or malformed token', async () => {
    const unknown = manageTokenOf('another-secret-another-secret-another', '65f0c0ffee0000000000abcd');
    const res = await api().patch(`/api/events/manage/${unknown}`).send({ name: 'Niemand' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await api().patch('/api/events/manage/kurz').send({ name: 'Niemand' })).status).toBe(404);
  });

  it('answers 409 for a cancelled registration, a cancelled event and an event that has ended', async () => {
    const eventId = await publishedEvent(5);
    const cancelled = await register(eventId, `d-${db}@example.org`);
    expect((await api().post(`/api/events/manage/${cancelled.token}/cancel`)).status).toBe(200);
    const res = await api().patch(`/api/events/manage/${cancelled.token}`).send({ name: 'Dora' });
    expect(res.status).toBe(409);
    expect((await stored(cancelled.id))!.name).toBe('Anna Schäfer');

    const ended = await register(eventId, `e-${db}@example.org`);
    const past = new Date(Date.now() - 2 * 86_400_000);
    await Event.updateOne(
      { _id: eventId },
      { $set: { startsAt: past, endsAt: new Date(past.getTime() + 3600_000) } },
    );
    expect((await api().patch(`/api/events/manage/${ended.token}`).send({ name: 'Emil' })).status).toBe(409);
    expect((await stored(ended.id))!.name).toBe('Anna Schäfer');

    const otherEvent = await publishedEvent(5);
    const inCancelled = await register(otherEvent, `f-${db}@example.org`);
    await cancelEvent(eventsDepsOf(s.aio.rt), { eventId: otherEvent });
    const rc = await api().patch(`/api/events/manage/${inCancelled.token}`).send({ name: 'Frieda' });
    expect(rc.status).toBe(409);
    expect((await stored(inCancelled.id))!.name).toBe('Anna Schäfer');
  });

  it('never loses a concurrent cancellation or correction (both run under the event lock)', async () => {
    const eventId = await publishedEvent(5);
    const regs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => register(eventId, `g${i}-${db}@example.org`)),
    );
    const answers = await Promise.all(
      regs.flatMap((r, i) => [
        api().post(`/api/events/manage/${r.token}/cancel`),
        api()
          .patch(`/api/events/manage/${r.token}`)
          .send({ name: `Gerda ${i}` }),
      ]),
    );
    for (const [i, r] of regs.entries()) {
      const [cancel, rectify] = [answers[2 * i]!, answers[2 * i + 1]!];
      expect(cancel.status).toBe(200);
      expect([200, 409]).toContain(rectify.status);
      const doc = await stored(r.id);
      expect(doc!.status).toBe('cancelled');
      expect(doc!.name).toBe(rectify.status === 200 ? `Gerda ${i}` : 'Anna Schäfer');
    }
  });
});
