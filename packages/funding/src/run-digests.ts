import type { Producer } from '@qn/queue';
import { dateIn } from './calendar-date';
import { Alert } from './models/alert';

/**
 * The weekly digest run: one `funding.send-digest` job per subscription that has pending
 * digest items, streamed from a `$group` cursor and enqueued in batches. The digest key is the
 * run's date, so a repeated run on the same day enqueues nothing new.
 */
export async function runDigests(opts: {
  producer: Producer;
  now?: Date;
  timeZone: string;
  batchSize?: number;
}): Promise<number> {
  const now = opts.now ?? new Date();
  const digestKey = dateIn(opts.timeZone, now);
  const cutoff = now.toISOString();
  const cursor = Alert.aggregate<{ _id: string }>([
    { $match: { mode: 'digest', status: 'pending', createdAt: { $lte: now } } },
    { $group: { _id: '$subscriptionId' } },
  ]).cursor({ batchSize: opts.batchSize ?? 500 });
  let batch: string[] = [];
  let total = 0;
  const flush = async () => {
    await opts.producer.enqueueBulk(
      'funding.send-digest',
      batch.map((subscriptionId) => ({ payload: { subscriptionId, digestKey, cutoff } })),
    );
    total += batch.length;
    batch = [];
  };
  for await (const row of cursor) {
    batch.push(row._id);
    if (batch.length >= (opts.batchSize ?? 500)) await flush();
  }
  await flush();
  return total;
}
