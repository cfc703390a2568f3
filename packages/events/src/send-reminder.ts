import { Event } from './models/event';
import { Registration } from './models/registration';
import { enqueueRegistrationMail } from './registration-mails';
import { reminderIsDue } from './reminders';
import type { EventsDeps } from './events-deps';

/** Runs when a reminder job fires: sends it only if the registration and its time still stand. */
export async function sendReminder(
  deps: EventsDeps,
  opts: { registrationId: string; offsetMinutes: number; now?: number },
): Promise<boolean> {
  const reg = await Registration.findById(opts.registrationId).lean();
  if (!reg || reg.status !== 'confirmed' || reg.anonymisedAt) return false;
  const event = await Event.findById(reg.eventId).lean();
  if (!event || event.status !== 'published') return false;
  if (!reminderIsDue(event, opts.offsetMinutes, reg.confirmedAt, opts.now)) return false;
  await enqueueRegistrationMail(deps, {
    kind: 'reminder',
    event,
    registration: reg,
    occurrence: `${opts.offsetMinutes}:${event.startsAt.getTime()}`,
  });
  return true;
}
