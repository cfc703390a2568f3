import { QueueName, type JobEnvelope, type Producer } from '@qn/queue';

/**
 * The scheduler queue's schedules. Upserted (BullMQ job schedulers), so every start of every
 * scheduler process may call this and there is still exactly one of each. Wall-clock times in
 * the office's time zone, DST included; 04:10 keeps clear of the 02:30 backup and the events
 * retention at 03:15.
 */
export const HOUSEKEEPING_SCHEDULES = [
  { id: 'scheduler-audit-retention', name: 'scheduler.delete-audit-entries', pattern: '10 4 * * *' },
] as const;

export async function scheduleHousekeepingJobs(producer: Producer, timeZone: string): Promise<void> {
  const queue = producer.queue(QueueName.scheduler);
  for (const s of HOUSEKEEPING_SCHEDULES) {
    const data: JobEnvelope<Record<string, never>> = {
      payload: {},
      meta: { enqueuedAt: new Date().toISOString() },
    };
    await queue.upsertJobScheduler(
      s.id,
      { pattern: s.pattern, tz: timeZone },
      {
        name: s.name,
        data,
        opts: {
          attempts: 5,
          backoff: { type: 'exponential', delay: 60_000 },
          removeOnComplete: { count: 100 },
          removeOnFail: { count: 100 },
        },
      },
    );
  }
}
