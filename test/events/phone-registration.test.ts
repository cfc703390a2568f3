import { MailLedger } from '@qn/mail';
import {
  Event,
  Registration,
  Seat,
  anonymiseEventRegistrations,
  eventsDepsOf,
  importAttendees,
  previewAttendeeImport,
} from '@qn/events';
import { waitForMail } from '@qn/testing';
import { eventsStack, organiserToken } from './support/all-in-one-stack';

/**
 * Registrations an organiser takes by phone without an e-mail address, and the CSV import
 * that may carry such rows: they count for seats and the waiting list, get no mail and no
 * repeat pointer, show their contact in the list and export, are blanked by retention; the
 * import registers only the good rows and nobody twice.
 */
const ORG_TOKEN = 'events-phone-token-0123456789abcdefg';
const s = eventsStack('evphone');
const { db, api } = s;
const org = { Authorization: `Bearer ${ORG_TOKEN}` };

beforeAll(async () => {
  await organiserToken(db, 'stadt-nuertingen', ORG_TOKEN);
});

async function publishedEvent(over: Record<string, unknown> = {}): Promise<string> {
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  const created = await api()
    .post('/api/events')
    .set(org)
    .send({
      title: 'Sprechstunde Wohnberatung',
      description: 'Beratung zu Wohnformen im Alter.',
      kind: 'fachgespraech',
      fieldsOfAction: ['wohnen'],
      municipality: 'nuertingen',
      venue: { name: 'Bürgertreff' },
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      capacity: 2,
      maxCompanions: 1,
      contact: { name: 'Seniorenbüro', email: 'senioren@example.org' },
      ...over,
    });
  expect(created.status).toBe(201);
  expect((await api().post(`/api/events/${created.body.id}/publish`).set(org)).status).toBe(200);
  return created.body.id;
}

/** Mail ledger rows of one registration: none means nothing was ever queued for sending. */
const ledgerRowsOf = (registrationId: string) =>
  MailLedger.countDocuments({ _id: new RegExp(`:${registrationId}:`) });

it('registers by phone without an address: seats, no mail, list and export, waiting list, retention', async () => {
  const id = await publishedEvent();
  const noContact = await api()
    .post(`/api/events/${id}/attendees`)
    .set(org)
    .send({ name: 'Otto Ohnekontakt', consent: true });
  expect(noContact.status).toBe(400);
  expect(noContact.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  const badPhone = await api()
    .post(`/api/events/${id}/attendees`)
    .set(org)
    .send({ name: 'Otto', phone: 'ruf mich an\u0000', consent: true });
  expect(badPhone.status).toBe(400);
  // Nobody registers themselves without an address.
  const self = await api()
    .post(`/api/events/${id}/registrations`)
    .send({ name: 'Otto', phone: '07022 1234', consent: true });
  expect(self.status).toBe(400);
  expect(await Registration.countDocuments({ eventId: id })).toBe(0);

  const erna = await api()
    .post(`/api/events/${id}/attendees`)
    .set(org)
    .send({ name: 'Erna Ehrlich', phone: '07022 75-1234', companions: 1, consent: true });
  expect(erna.status).toBe(201);
  expect(erna.body.attendee).toMatchObject({
    name: 'Erna Ehrlich',
    phone: '07022 75-1234',
    status: 'confirmed',
  });
  expect(erna.body.attendee.email).toBeUndefined();
  const ernaId = erna.body.attendee.id;
  // A second phone-only person is a second registration (no address to tell them apart by).
  const fritz = await api()
    .post(`/api/events/${id}/attendees`)
    .set(org)
    .send({ name: 'Fritz Frei', postalAddress: 'Kirchstraße 3\n72622 Nürtingen', consent: true });
  expect(fritz.status).toBe(201);
  expect(fritz.body.attendee.status).toBe('waitlisted');
  expect(await Seat.countDocuments({ eventId: id })).toBe(2);

  // Someone with an address afterwards: once their mail arrived, the queue is past the others.
  const mailed = `mailed-${db}@example.org`;
  const withMail = await api()
    .post(`/api/events/${id}/attendees`)
    .set(org)
    .send({ name: 'Mia Mail', email: mailed, consent: true });
  expect(withMail.body.attendee.status).toBe('waitlisted');
  await waitForMail({ to: mailed, subject: 'Warteliste' });
  expect(await ledgerRowsOf(ernaId)).toBe(0);
  expect(await ledgerRowsOf(fritz.body.attendee.id)).toBe(0);

  const list = await api().get(`/api/events/${id}/attendees`).set(org);
  expect(list.body.items.map((a: { name: string }) => a.name)).toEqual([
    'Erna Ehrlich',
    'Fritz Frei',
    'Mia Mail',
  ]);
  expect(list.body.items[1].postalAddress).toBe('Kirchstraße 3\n72622 Nürtingen');
  const csv = await api().get(`/api/events/${id}/attendees/export`).set(org);
  expect(csv.text).toContain('Telefon;Anschrift');
  expect(csv.text).toMatch(/Erna Ehrlich;;.*;07022 75-1234;\r\n/);
  expect(csv.text).not.toContain('@invalid');

  // Erna cancels by phone: Fritz moves up, without a mail.
  const cancel = await api().post(`/api/events/${id}/attendees/${ernaId}/cancel`).set(org);
  expect(cancel.status).toBe(200);
  expect((await Registration.findById(fritz.body.attendee.id).lean())!.status).toBe('confirmed');
  // Erna's two seats went to both on the list; Mia is told by mail, Fritz by the organiser.
  await waitForMail({ to: mailed, subject: 'Ein Platz ist frei geworden' });
  expect(await ledgerRowsOf(fritz.body.attendee.id)).toBe(0);

  // Retention blanks the phone and the postal address like the name.
  await Event.updateOne({ _id: id }, { $set: { endsAt: new Date(Date.now() - 400 * 86_400_000) } });
  await anonymiseEventRegistrations({ olderThanDays: 30 });
  const left = await Registration.find({ eventId: id }).lean();
  expect(
    left.every((r) => r.phone === undefined && r.postalAddress === undefined && r.name === 'anonymisiert'),
  ).toBe(true);
});

it('imports good rows only, phone-only rows too, and a repeated file registers nobody twice', async () => {
  const id = await publishedEvent({ capacity: 3, waitlistEnabled: true });
  const a = `imp-a-${db}@example.org`;
  const csv = [
    '\uFEFFName;E-Mail;Organisation;Telefon;Begleitung',
    `Anna Amsel;${a};Seniorenrat;;1`,
    'Bruno Bach;;;0711 123456;0',
    'Carla Cello;keine-adresse;;;0',
    'Dieter Dur;;;;0',
    `Anna Amsel;${a.toUpperCase()};;;0`,
    `Emil Eis;imp-e-${db}@example.org;;;5`,
    `Frieda Fis;imp-f-${db}@example.org;;;0`,
  ].join('\r\n');
  const preview = await previewAttendeeImport({ eventId: id, csv });
  expect(preview.rows.map((r) => [r.line, r.outcome])).toEqual([
    [2, 'confirmed'],
    [3, 'confirmed'],
    [4, 'rejected'],
    [5, 'rejected'],
    [6, 'rejected'],
    [7, 'rejected'],
    [8, 'waitlisted'],
  ]);
  expect(preview.rows[2]!.problems).toEqual([{ field: 'email', code: 'invalid' }]);
  expect(preview.rows[3]!.problems).toEqual([{ field: 'email', code: 'contact-required' }]);
  expect(preview.rows[4]!.problems).toEqual([{ field: 'row', code: 'duplicate', value: 2 }]);
  expect(preview.rows[5]!.problems).toEqual([{ field: 'companions', code: 'too-many', value: 1 }]);
  // The preview stored nothing.
  expect(await Registration.countDocuments({ eventId: id })).toBe(0);

  const first = await api().post(`/api/events/${id}/attendees/import`).set(org).send({ csv, consent: true });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ created: 3, existing: 0, confirmed: 2, waitlisted: 1 });
  expect(first.body.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6, 7]);
  await waitForMail({ to: a, subject: 'Anmeldung bestätigt' });

  const again = await api().post(`/api/events/${id}/attendees/import`).set(org).send({ csv, consent: true });
  expect(again.body).toMatchObject({ created: 0, existing: 3, confirmed: 0, waitlisted: 0 });
  expect(await Registration.countDocuments({ eventId: id })).toBe(3);
  const bruno = await Registration.findOne({ eventId: id, name: 'Bruno Bach' }).lean();
  expect(bruno).toMatchObject({ phone: '0711 123456', source: 'import', status: 'confirmed' });
  expect(await ledgerRowsOf(String(bruno!._id))).toBe(0);

  // Two imports of a list without addresses at the same moment: each person once.
  const phones = ['Name;Telefon', ...Array.from({ length: 5 }, (_, i) => `Person ${i};0711 55${i}`)].join(
    '\n',
  );
  const deps = eventsDepsOf(s.aio.rt);
  const both = await Promise.all([
    importAttendees(deps, { eventId: id, csv: phones }),
    importAttendees(deps, { eventId: id, csv: phones }),
  ]);
  expect(both.map((b) => b.counts.existing).sort()).toEqual([0, 5]);
  expect(await Registration.countDocuments({ eventId: id, name: /^Person / })).toBe(5);

  // A cancelled event takes no list, not even for a preview.
  expect((await api().post(`/api/events/${id}/cancel`).set(org)).status).toBe(200);
  const late = await api().post(`/api/events/${id}/attendees/import`).set(org).send({ csv, consent: true });
  expect(late.status).toBe(410);
  await expect(previewAttendeeImport({ eventId: id, csv })).rejects.toMatchObject({ code: 'gone' });
});
