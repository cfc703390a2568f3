import {
  Registration,
  RegistrationKey,
  anonymiseEventRegistrations,
  createEvent,
  eventsDepsOf,
  manageTokenOf,
  publishEvent,
} from '@qn/events';
import { notById, queriesDuring, waitForMail } from '@qn/testing';
import { eventFields } from './events-fixtures';
import { eventsStack } from './support/all-in-one-stack';

/**
 * The public registration paths find what they need by `_id` alone: FerretDB 1.x reads the
 * whole collection for any other filter, so a manage link or a repeat registration would cost
 * more with every registration stored. Checked by the queries the driver is asked to run, not
 * by timing.
 */
const s = eventsStack('evbyid', { RATE_LIMIT_PER_EMAIL: '100' });
const { config, api } = s;

async function publishedEvent(capacity: number): Promise<string> {
  const deps = eventsDepsOf(s.aio.rt);
  const e = await createEvent(deps, { ...eventFields({ capacity }), organisationId: 'stadt-nuertingen' });
  await publishEvent(deps, { eventId: String(e._id) });
  return String(e._id);
}

const person = (email: string, name = 'Anna Schäfer') => ({ name, email, consent: true });

/**
 * The filters sent to these collections while `fn` runs. The all-in-one's workers share the
 * process, so only the collections the request path touches are looked at.
 */
async function queriesOn(collections: string[], fn: () => Promise<unknown>) {
  const { queries } = await queriesDuring(fn);
  return queries.filter((q) => collections.includes(q.collection));
}

const idValue = (f: unknown) => (f as { _id: unknown })._id;

describe('registration lookups by _id', () => {
  it('a manage link is one read by _id; a forged or foreign token finds nothing', async () => {
    const id = await publishedEvent(5);
    const email = `manage-${s.db}@example.org`;
    await api().post(`/api/events/${id}/registrations`).send(person(email));
    const reg = await Registration.findOne({ eventId: id, email }).lean();
    const token = manageTokenOf(config.SECRET_KEY, String(reg!._id));
    const queries = await queriesOn(['event_registrations'], async () => {
      const seen = await api().get(`/api/events/manage/${token}`);
      expect(seen.status).toBe(200);
      expect(seen.body.registration.email).toBe(email);
    });
    expect(queries.length).toBeGreaterThan(0);
    expect(notById(queries)).toEqual([]);
    // The token names the registration, but only the stored hash of the whole token admits.
    const forged = token.slice(0, 16) + (token[16] === 'A' ? 'B' : 'A') + token.slice(17);
    expect((await api().get(`/api/events/manage/${forged}`)).status).toBe(404);
    expect(
      (
        await api().get(
          `/api/events/manage/${manageTokenOf('another-secret-key-0123456789abcdef', String(reg!._id))}`,
        )
      ).status,
    ).toBe(404);
  });

  it('a repeat registration finds the first by two _id reads, also twenty at once', async () => {
    const id = await publishedEvent(5);
    const email = `repeat-${s.db}@example.org`;
    expect((await api().post(`/api/events/${id}/registrations`).send(person(email))).status).toBe(201);
    const queries = await queriesOn(['event_registrations', 'event_registration_keys', 'event_seats'], () =>
      api().post(`/api/events/${id}/registrations`).send(person(email.toUpperCase())),
    );
    expect(notById(queries)).toEqual([]);
    expect(queries.some((q) => q.collection === 'event_registration_keys')).toBe(true);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api().post(`/api/events/${id}/registrations`).send(person(email))),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(await Registration.countDocuments({ eventId: id })).toBe(1);
    await waitForMail({ to: email, subject: 'Sie sind bereits angemeldet' });
  });

  it('twenty new addresses at once each get their pointer; anonymising removes them', async () => {
    const id = await publishedEvent(10);
    const emails = Array.from({ length: 20 }, (_, i) => `many-${i}-${s.db}@example.org`);
    await Promise.all(emails.map((e) => api().post(`/api/events/${id}/registrations`).send(person(e))));
    const regs = await Registration.find({ eventId: id }).lean();
    expect(regs).toHaveLength(20);
    const keys = await RegistrationKey.find({}).lean();
    for (const r of regs) expect(keys.some((k) => k.registrationId === String(r._id))).toBe(true);

    // Retention blanks the addresses; the pointers derivable from them go too.
    const ended = await publishedEvent(3);
    const old = `old-${s.db}@example.org`;
    await api().post(`/api/events/${ended}/registrations`).send(person(old));
    const oldReg = await Registration.findOne({ eventId: ended }).lean();
    const before = await RegistrationKey.find({}).lean();
    expect(before.some((k) => k.registrationId === String(oldReg!._id))).toBe(true);
    await anonymiseEventRegistrations({ olderThanDays: 0, now: new Date(Date.now() + 365 * 86_400_000) });
    const after = await RegistrationKey.find({}).lean();
    expect(after.some((k) => k.registrationId === String(oldReg!._id))).toBe(false);
    expect(after.map(idValue)).not.toContain(undefined);
  });
});
