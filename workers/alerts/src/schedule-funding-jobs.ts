import { QueueName, type JobEnvelope, type Producer } from '@qn/queue';
import type { FundingSettings } from '@qn/funding';

/**
 * The alerts queue's schedules (BullMQ job schedulers: upserted, so every start of every
 * worker process may call this and there is still one of each). Times are wall-clock times in
 * Europe/Berlin, DST included: the digest goes out Monday 07:00 local time all year.
 */
export const FUNDING_SCHEDULES = (s: FundingSettings) =>
  [
    { id: 'funding-weekly-digest', name: 'funding.digest-run', pattern: s.digestPattern },
    { id: 'funding-deadline-reminders', name: 'funding.reminders-run', pattern: s.reminderPattern },
    { id: 'funding-link-check', name: 'funding.link-check-run', pattern: s.linkCheckPattern },
    { id: 'funding-housekeeping', name: 'funding.housekeeping', pattern: s.housekeepingPattern },
    {
      id: 'funding-match-index-rebuild',
      name: 'funding.rebuild-match-index',
      pattern: s.matchIndexRebuildPattern,
    },
    { id: 'funding-close-expired', name: 'funding.close-expired-run', pattern: s.closeExpiredPattern },
  ] as const;

export async function scheduleFundingJobs(producer: Producer, settings: FundingSettings): Promise<void> {
  const queue = producer.queue(QueueName.alerts);
  for (const s of FUNDING_SCHEDULES(settings)) {
    const data: JobEnvelope<Record<string, never>> = {
      payload: {},
      meta: { enqueuedAt: new Date().toISOString() },
    };
    await queue.upsertJobScheduler(
      s.id,
      { pattern: s.pattern, tz: settings.timeZone },
      { name: s.name, data, opts: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 } } },
    );
  }
}
