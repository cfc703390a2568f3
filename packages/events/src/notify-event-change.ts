import mongoose from 'mongoose';
import { Event } from './models/event';
import { Registration } from './models/registration';
import { enqueueRegistrationMail } from './registration-mails';
import { removeReminders, scheduleReminders } from './reminders';
import type { EventsDeps } from './events-deps';

/**
 * Tells every active registrant of a changed or cancelled event (updated .ics with the event's
 * sequence, or METHOD:CANCEL) and moves or drops their reminders. The mail keys carry the
 * sequence, so a retried fan-out never mails anyone twice about the same change.
 */
export async function notifyEventChange(
  deps: EventsDeps,
  opts: { eventId: string; sequence: number; change: 'updated' | 'cancelled'; moved: boolean; mail: boolean },
): Promise<{ notified: number }> {
  const event = await Event.findById(opts.eventId).lean();
  if (!event) return { notified: 0 };
  // A later calendar change supersedes this one's mails (its own job tells everyone); reminders
  // are always placed from the event as it is now, so rescheduling twice is harmless.
  const mail = opts.mail && event.sequence === opts.sequence;
  const regs = await Registration.find({
    eventId: opts.eventId,
    status: mongoose.trusted({ $in: ['confirmed', 'offered', 'waitlisted'] }),
    anonymisedAt: mongoose.trusted({ $exists: false }),
  }).lean();
  for (const reg of regs) {
    const regId = String(reg._id);
    if (opts.change === 'cancelled') await removeReminders(deps, event, regId);
    else if (opts.moved && reg.status === 'confirmed')
      await scheduleReminders(deps, event, regId, { replace: true });
    // Waitlisted people hold no calendar entry: they hear only of a cancellation.
    if (!mail || (reg.status === 'waitlisted' && opts.change !== 'cancelled')) continue;
    await enqueueRegistrationMail(deps, {
      kind: opts.change === 'cancelled' ? 'event-cancelled' : 'event-changed',
      event,
      registration: reg,
      occurrence: String(event.sequence),
    });
  }
  return { notified: regs.length };
}
