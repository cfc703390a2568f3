import { QueueName } from '@qn/queue';
import type { EventDoc } from './models/event';
import type { EventsDeps } from './events-deps';

type ReminderEvent = Pick<EventDoc, 'startsAt' | 'reminderOffsetsMinutes'>;

export function reminderKey(registrationId: string, offsetMinutes: number): string {
  return `event-reminder:${registrationId}:${offsetMinutes}`;
}

/**
 * One delayed job per offset. A reminder whose time has passed is not scheduled: whoever
 * registers after the reminder time gets none. `replace` drops an earlier job of the same id
 * first (a moved event), since BullMQ ignores an add whose id it still holds.
 */
export async function scheduleReminders(
  deps: Pick<EventsDeps, 'producer' | 'requestId'>,
  event: ReminderEvent,
  registrationId: string,
  opts: { replace?: boolean; now?: number } = {},
): Promise<void> {
  const now = opts.now ?? Date.now();
  for (const offsetMinutes of event.reminderOffsetsMinutes) {
    const at = event.startsAt.getTime() - offsetMinutes * 60_000;
    if (opts.replace)
      await deps.producer.remove(QueueName.events, reminderKey(registrationId, offsetMinutes));
    if (at <= now) continue;
    await deps.producer.enqueue(
      'events.send-reminder',
      { registrationId, offsetMinutes },
      { delay: at - now, requestId: deps.requestId },
    );
  }
}

export async function removeReminders(
  deps: Pick<EventsDeps, 'producer'>,
  event: Pick<EventDoc, 'reminderOffsetsMinutes'>,
  registrationId: string,
): Promise<void> {
  for (const offsetMinutes of event.reminderOffsetsMinutes) {
    await deps.producer.remove(QueueName.events, reminderKey(registrationId, offsetMinutes));
  }
}

/** Whether a reminder job that fires now is still due (the event may have moved since). */
export function reminderIsDue(
  event: ReminderEvent,
  offsetMinutes: number,
  confirmedAt: Date | undefined,
  now = Date.now(),
): boolean {
  if (!event.reminderOffsetsMinutes.includes(offsetMinutes)) return false;
  const at = event.startsAt.getTime() - offsetMinutes * 60_000;
  if (now < at - 60_000 || now >= event.startsAt.getTime()) return false;
  return !!confirmedAt && confirmedAt.getTime() < at;
}
