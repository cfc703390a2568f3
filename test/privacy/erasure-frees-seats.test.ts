import { Registration, Seat, createEvent, eventsDepsOf, publishEvent } from '@qn/events';
import { listMail, waitForMail } from '@qn/testing';
import { eventFields } from '../events/events-fixtures';
import { eventsStack } from '../events/support/all-in-one-stack';

/**
 * Erasing a confirmed attendee of an event still to come gives their seat back the way a
 * cancellation does, so the waiting list moves up; an event that took place keeps its counts.
 */
const ADMIN_TOKEN = 'erasure-seats-admin-token-0123456789';
const s = eventsStack('erseats', { ADMIN_TOKEN });
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

const person = (email: string, name: string) => ({ name, email, consent: true });

it('frees the seat of an erased attendee and promotes the next on the waiting list, mailing only them', async () => {
  const deps = eventsDepsOf(s.aio.rt);
  const e = await createEvent(deps, { ...eventFields({ capacity: 1 }), organisationId: 'stadt-nuertingen' });
  const eventId = String(e._id);
  await publishEvent(deps, { eventId });
  const erased = `erase-me-${s.db}@example.org`;
  const next = `next-${s.db}@example.org`;
  await s.api().post(`/api/events/${eventId}/registrations`).send(person(erased, 'Eva Erase'));
  await s.api().post(`/api/events/${eventId}/registrations`).send(person(next, 'Nils Next'));
  await waitForMail({ to: next, subject: 'Warteliste' });

  const res = await s.api().post('/api/privacy/admin/erasure').set(admin).send({ email: erased });
  expect(res.status).toBe(200);

  await waitForMail({ to: next, subject: 'Ein Platz ist frei geworden' });
  const regs = await Registration.find({ eventId }).lean();
  expect(regs.find((r) => r.email === next)!.status).toBe('confirmed');
  const gone = regs.find((r) => r.email !== next)!;
  expect(gone).toMatchObject({ status: 'cancelled', name: 'anonymisiert' });
  expect(await Seat.countDocuments({ eventId })).toBe(1);
  expect((await Seat.findOne({ eventId }).lean())!.registrationId).toBe(
    String(regs.find((r) => r.email === next)!._id),
  );
  // Nothing more goes to the erased address: no cancellation receipt.
  expect(await listMail({ to: erased, subject: 'Abmeldung' })).toHaveLength(0);
});
