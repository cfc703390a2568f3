import { normaliseEmail } from '@qn/domain';
import {
  QueueName,
  type JobEnvelope,
  type QueuedJob as Job,
  type QueuedJobState as JobType,
} from '@qn/queue';
import { fixedRetention } from '../retention';
import type { HolderContext, PersonalDataHolder } from '../types';

/**
 * Mail jobs in Redis (BullMQ) carry the recipient and, for system mails, the whole message:
 * completed ones stay up to a day, failed ones up to two weeks. Only queues whose payloads name
 * a recipient are read, and only when the caller hands over the producer (the office's export
 * and every erasure); the cheap lookup behind the self-service form skips Redis.
 */
const QUEUES = [QueueName.mail, QueueName.newsletter] as const;
const STATES: JobType[] = ['completed', 'failed', 'delayed', 'wait', 'prioritized'];
/** Per queue and state; the queues' own retention bounds them well below this. */
const SCAN_LIMIT = 50_000;

type Payload = { to?: string; kind?: string; subject?: string };

async function jobsOf(ctx: HolderContext): Promise<{ job: Job; queue: string; payload: Payload }[]> {
  if (!ctx.producer) return [];
  const out: { job: Job; queue: string; payload: Payload }[] = [];
  for (const name of QUEUES) {
    const jobs = await ctx.producer.queue(name).getJobs(STATES, 0, SCAN_LIMIT - 1);
    for (const job of jobs) {
      const payload = (job?.data as JobEnvelope<Payload> | undefined)?.payload;
      if (payload?.to && normaliseEmail(payload.to) === ctx.email) out.push({ job, queue: name, payload });
    }
  }
  return out;
}

export const queuedJobsHolder: PersonalDataHolder = {
  key: 'queue.mail-jobs',
  activity: 'mail',
  collection: 'redis: mail and newsletter queues',
  models: [],
  category: { de: 'Mails in der Versandwarteschlange', en: 'Mails in the sending queue' },
  purpose: {
    de: 'Zustellung mit Wiederholung bei Störungen; kurze Nachverfolgung',
    en: 'Delivery with retries on failures; brief troubleshooting',
  },
  legalBasis: {
    de: 'Wie die Verarbeitung, zu der die Mail gehört; Art. 32 DSGVO',
    en: 'As the processing the mail belongs to; Art. 32 GDPR',
  },
  source: { de: 'Entsteht beim Versand', en: 'Written when a mail is sent' },
  recipients: { de: 'Mail-Relay (Auftragsverarbeiter)', en: 'Mail relay (processor)' },
  retention: () =>
    fixedRetention({
      de: 'Zugestellte höchstens 24 Stunden, fehlgeschlagene höchstens 14 Tage',
      en: 'Delivered ones at most 24 hours, failed ones at most 14 days',
    }),
  find: async (ctx) =>
    (await jobsOf(ctx)).map(({ job, queue, payload }) => ({
      id: String(job.id),
      queue,
      job: job.name,
      kind: payload.kind,
      subject: payload.subject,
      to: payload.to,
      enqueuedAt: new Date(job.timestamp).toISOString(),
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
      failed: job.failedReason ? true : undefined,
    })),
  // Pending mails to the person are dropped too: the address is suppressed from now on. A job
  // that is running this very moment cannot be removed; it ends within its retention.
  erase: async (ctx) => {
    let deleted = 0;
    for (const { job } of await jobsOf(ctx)) {
      try {
        await job.remove();
        deleted++;
      } catch {
        // locked by a worker
      }
    }
    return { deleted, anonymised: 0 };
  },
};
