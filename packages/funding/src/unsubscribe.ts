import { Subscription, type SubscriptionDoc } from './models/subscription';
import { findSubscriptionByToken } from './find-subscription';
import { noteRemovedFromMatchIndex } from './match-index/note-match-index-changes';

/**
 * Ends a subscription (idempotent): no alert, digest item or reminder goes out for it after
 * this, since every sender checks the status first (and marks what it drops as skipped). Every
 * read and write goes by `_id`.
 */
export async function unsubscribe(opts: {
  token: string;
  purpose?: 'unsubscribe' | 'manage';
  now?: Date;
}): Promise<SubscriptionDoc> {
  const now = opts.now ?? new Date();
  const sub = await findSubscriptionByToken(opts.purpose ?? 'unsubscribe', opts.token, now);
  if (sub.status === 'confirmed' || sub.status === 'pending') {
    await Subscription.updateOne(
      { _id: sub._id },
      { $set: { status: 'unsubscribed', unsubscribedAt: now }, $unset: { expiresAt: 1 } },
    );
  }
  // Noted on every call, so a retry after a crash right after the update still reaches the index.
  await noteRemovedFromMatchIndex([sub._id]);
  return (await Subscription.findById(sub._id).lean<SubscriptionDoc>())!;
}
