import { AppError } from '@qn/domain';
import { liftSuppression } from '@qn/mail';
import { Alert } from './models/alert';
import { Subscription, type SubscriptionDoc } from './models/subscription';
import { findSubscriptionByToken } from './find-subscription';
import { noteMatchIndexChanges, noteRemovedFromMatchIndex } from './match-index/note-match-index-changes';
import { op } from './trusted';

/**
 * Confirms a sign-up (idempotent). The confirmation time completes the proof of consent. Any
 * earlier active subscription of the same address ends: one address, one set of filters.
 */
export async function confirmSubscription(opts: {
  token: string;
  secret: string;
  now?: Date;
}): Promise<SubscriptionDoc> {
  const now = opts.now ?? new Date();
  const sub = await findSubscriptionByToken('confirm', opts.token, now);
  if (sub.status === 'confirmed') {
    // A second click (or a retry after a crash right after the update) notes it again.
    await noteMatchIndexChanges([sub]);
    return sub;
  }
  if (sub.status !== 'pending') throw AppError.notFound('Dieser Link ist ungültig oder abgelaufen.');
  await Subscription.updateOne(
    { _id: sub._id },
    { $set: { status: 'confirmed', confirmedAt: now, 'consent.confirmedAt': now }, $unset: { expiresAt: 1 } },
  );
  const replaced = await Subscription.find(
    { emailHash: sub.emailHash, status: 'confirmed', _id: op({ $ne: sub._id }) },
    { _id: 1 },
  ).lean();
  if (replaced.length) {
    const ids = replaced.map((r) => r._id);
    await Subscription.updateMany(
      { _id: op({ $in: ids }) },
      { $set: { status: 'ended', endedReason: 'replaced' } },
    );
    await Alert.updateMany(
      { subscriptionId: op({ $in: ids }), status: 'pending' },
      { $set: { status: 'skipped' } },
    );
    await noteRemovedFromMatchIndex(ids);
  }
  // The person asked again, explicitly: an earlier "unsubscribed" suppression no longer holds.
  await liftSuppression(sub.email, opts.secret);
  const after = (await Subscription.findById(sub._id).lean<SubscriptionDoc>())!;
  // After the writes, as read back: the match index learns of the confirmed subscription.
  await noteMatchIndexChanges([after]);
  return after;
}
