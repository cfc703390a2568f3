import { appendAddressKey } from './address-keys';
import { LookupBackfill } from './models/lookup-backfill';
import { Subscription, type SubscriptionDoc } from './models/subscription';

const ADDRESS_KEYS = 'subscription-address-keys';

/** Whether every subscription has its address key (one read by `_id`). */
export async function addressKeysComplete(): Promise<boolean> {
  return (await LookupBackfill.findById(ADDRESS_KEYS).lean()) !== null;
}

/**
 * Gives every subscription written before address keys existed its key, once per database: a
 * single pass over the collection at start-up, then a marker. Idempotent and resumable: an
 * interrupted pass is simply run again, and a subscription already keyed costs only reads.
 * Sign-ups meanwhile write their own keys first, so the pass never misses one.
 */
export async function backfillAddressKeys(): Promise<{ added: number; skipped: boolean }> {
  if (await addressKeysComplete()) return { added: 0, skipped: true };
  let added = 0;
  const cursor = Subscription.find({}, { _id: 1, emailHash: 1, email: 1, createdAt: 1 })
    .lean<Pick<SubscriptionDoc, '_id' | 'emailHash' | 'email' | 'createdAt'>[]>()
    .cursor({ batchSize: 500 });
  for await (const sub of cursor as AsyncIterable<
    Pick<SubscriptionDoc, '_id' | 'emailHash' | 'email' | 'createdAt'>
  >) {
    // Erased records carry a dead hash and no address: nobody's key.
    if (sub.email.endsWith('@erased.invalid')) continue;
    const key = { subscriptionId: sub._id, createdAt: sub.createdAt };
    if (await appendAddressKey(sub.emailHash, key)) added++;
  }
  await LookupBackfill.updateOne(
    { _id: ADDRESS_KEYS },
    { $set: { doneAt: new Date(), added } },
    { upsert: true },
  );
  return { added, skipped: false };
}
