import { Suppression, type SuppressionReason } from '@qn/mail';
import { NewsletterList } from './models/newsletter-list';
import { Subscriber, subscriberIdOf, type SubscriberDoc, type SubscriberStatus } from './models/subscriber';
import type { NewsletterContext } from './newsletter-context';
import { addressLock, withLock } from './redis-lock';

export type StopReason = 'unsubscribed' | 'bounced' | 'complained';

const timestampOf: Record<StopReason, keyof SubscriberDoc> = {
  unsubscribed: 'unsubscribedAt',
  bounced: 'bouncedAt',
  complained: 'complainedAt',
};

/**
 * Stops all newsletter mail to one address: every list record of the address gets the status,
 * and the address hash goes on the suppression list, which the fan-out and every send check,
 * so no list mails it again. Only a new confirmed opt-in lifts it. Idempotent.
 */
export async function stopAddress(
  ctx: Pick<NewsletterContext, 'redis' | 'keyPrefix'>,
  addressHashValue: string,
  reason: StopReason,
  now = new Date(),
): Promise<{ lists: number }> {
  return withLock(ctx, addressLock(addressHashValue), async () => {
    const subs = await recordsOfAddress(addressHashValue);
    for (const s of subs) {
      if (s.status === reason) continue;
      if (rank(s.status) > rank(reason)) continue;
      await Subscriber.updateOne(
        { _id: s._id },
        { $set: { status: reason, [timestampOf[reason]]: now }, $unset: { confirmNonce: 1 } },
      );
    }
    const existing = await Suppression.findById(addressHashValue).lean();
    if (!existing || rank(existing.reason as SubscriberStatus) < rank(reason)) {
      await Suppression.updateOne(
        { _id: addressHashValue },
        { $set: { reason: reason satisfies SuppressionReason, at: now } },
        { upsert: true },
      );
    }
    return { lists: subs.length };
  });
}

/**
 * The address's record on each list, by `_id` (`<list>:<address hash>`): FerretDB 1.x reads the
 * whole subscriber collection for a filter on `addressHash`, and there are far fewer lists than
 * subscribers. The record's own hash decides (an erased record keeps its `_id`, not its hash).
 */
async function recordsOfAddress(hash: string): Promise<Pick<SubscriberDoc, '_id' | 'status'>[]> {
  const lists = await NewsletterList.find({}, { _id: 1 }).lean();
  const found = await Promise.all(
    lists.map((l) =>
      Subscriber.findById(subscriberIdOf(String(l._id), hash), { _id: 1, status: 1, addressHash: 1 }).lean<
        Pick<SubscriberDoc, '_id' | 'status' | 'addressHash'>
      >(),
    ),
  );
  return found.filter((s): s is NonNullable<typeof s> => s !== null && s.addressHash === hash);
}

/** A complaint outranks a bounce outranks an unsubscription; an erasure or manual block stays. */
function rank(s: SubscriberStatus | string): number {
  if (s === 'erased' || s === 'manual') return 9;
  return s === 'complained' ? 3 : s === 'bounced' ? 2 : s === 'unsubscribed' ? 1 : 0;
}
