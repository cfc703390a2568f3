import { Suppression, type SuppressionReason } from '@qn/mail';
import { Subscriber, type SubscriberDoc, type SubscriberStatus } from './models/subscriber';
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
    const subs = await Subscriber.find({ addressHash: addressHashValue }, { _id: 1, status: 1 }).lean<
      Pick<SubscriberDoc, '_id' | 'status'>[]
    >();
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

/** A complaint outranks a bounce outranks an unsubscription; an erasure or manual block stays. */
function rank(s: SubscriberStatus | string): number {
  if (s === 'erased' || s === 'manual') return 9;
  return s === 'complained' ? 3 : s === 'bounced' ? 2 : s === 'unsubscribed' ? 1 : 0;
}
