import { createEvent, publishEvent, registerAttendee, sendReminder, cancelRegistration } from '@qn/events';
import { domainHarness, eventFields } from './events-fixtures';

/** Reminder jobs on the real Redis: ids, delays, and the checks the job runs when it fires. */
const h = domainHarness('evrem');
const { producer, deps } = h;

beforeAll(() => h.open());
afterAll(() => h.close());

describe('reminders', () => {
  it('schedules one delayed job per offset with a deterministic id, sends when due, drops on cancellation', async () => {
    const event = await createEvent(deps, {
      ...eventFields({ reminderOffsetsMinutes: [1440, 120] }, 3),
      organisationId: 'stadt-nuertingen',
    });
    const eventId = String(event._id);
    await publishEvent(deps, { eventId });
    const { registration } = await registerAttendee(deps, {
      eventId,
      name: 'Rita Rem',
      email: 'rita@example.org',
    });
    const regId = String(registration._id);
    const queue = producer.queue('events');
    for (const offset of [1440, 120]) {
      const job = await queue.getJob(`event-reminder|${regId}|${offset}`);
      expect(job?.name).toBe('events.send-reminder');
      expect(job!.timestamp + job!.opts.delay!).toBeCloseTo(event.startsAt.getTime() - offset * 60_000, -4);
    }
    // When it fires at its time the reminder mail is enqueued under its own ledger key.
    const at = event.startsAt.getTime() - 120 * 60_000;
    expect(await sendReminder(deps, { registrationId: regId, offsetMinutes: 120, now: at })).toBe(true);
    const mails = await producer.queue('mail').getJobs(['waiting']);
    const reminder = mails.find((j) => j.data.payload.kind === 'event-reminder');
    expect(reminder?.data.payload.subject).toContain('Erinnerung');
    expect(reminder?.data.payload.ledgerKey).toBe(`event-reminder:${regId}:120:${event.startsAt.getTime()}`);

    await cancelRegistration(deps, { registrationId: regId });
    expect(await queue.getJob(`event-reminder|${regId}|1440`)).toBeUndefined();
    expect(await sendReminder(deps, { registrationId: regId, offsetMinutes: 120, now: at })).toBe(false);
  });
});
