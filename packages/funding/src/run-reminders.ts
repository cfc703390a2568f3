import type { Producer } from '@qn/queue';
import { addDays } from './calendar-date';
import { Programme } from './models/programme';

/**
 * The daily reminder run for `today` (a Berlin calendar date, injectable so tests need not
 * wait): for each configured lead time, published programmes with a deadline on the target
 * day get a reminder match. The reason names the deadline and lead time, so each reminder goes
 * to each subscriber once however often the run repeats.
 */
export async function runReminders(opts: {
  producer: Producer;
  today: string;
  reminderDays: number[];
}): Promise<number> {
  let enqueued = 0;
  for (const days of opts.reminderDays) {
    const deadline = addDays(opts.today, days);
    const due = await Programme.find({ status: 'published', deadlines: deadline }, { _id: 1 }).lean();
    for (const p of due) {
      await opts.producer.enqueue('funding.match-programme', {
        programmeId: p._id,
        reason: `reminder-${deadline}-${days}`,
        kind: 'reminder',
        deadline,
        daysBefore: days,
      });
      enqueued++;
    }
  }
  return enqueued;
}
