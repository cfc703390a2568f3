import type { EventDoc } from './models/event';
import { Registration, type RegistrationDoc } from './models/registration';
import { enqueueRegistrationMail } from './registration-mails';
import { scheduleReminders } from './reminders';
import type { EventsDeps } from './events-deps';

/**
 * A registration that holds its seats becomes confirmed: status, reminders and the mail of the
 * act that confirmed it (an accepted offer, an organiser's promotion). Under the event lock.
 */
export async function confirmSeatHolder(
  deps: EventsDeps,
  opts: { event: EventDoc; registration: RegistrationDoc; kind: 'confirmed' | 'promoted'; now: Date },
): Promise<RegistrationDoc> {
  const { event, registration: reg, now } = opts;
  await Registration.updateOne(
    { _id: reg._id },
    { $set: { status: 'confirmed', confirmedAt: now }, $unset: { offerExpiresAt: 1 } },
  );
  const confirmed: RegistrationDoc = {
    ...reg,
    status: 'confirmed',
    confirmedAt: now,
    offerExpiresAt: undefined,
  };
  await scheduleReminders(deps, event, String(reg._id), { replace: true });
  await enqueueRegistrationMail(deps, {
    kind: opts.kind,
    event,
    registration: confirmed,
    occurrence: String(now.getTime()),
  });
  return confirmed;
}
