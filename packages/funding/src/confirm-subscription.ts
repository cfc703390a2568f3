import { AppError } from '@qn/domain';
import { liftSuppression } from '@qn/mail';
import { Subscription, type SubscriptionDoc } from './models/subscription';
import { findSubscriptionByToken } from './find-subscription';
import { subscriptionIdsOfAddress } from './subscriptions-of-address';
import { noteMatchIndexChanges, noteRemovedFromMatchIndex } from './match-index/note-match-index-changes';

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
  // The address's other subscriptions by their keys, each read by `_id` (docs/adr/0009).
  const replaced: string[] = [];
  for (const id of await subscriptionIdsOfAddress(sub.emailHash)) {
    if (id === sub._id) continue;
    const other = await Subscription.findById(id, { status: 1 }).lean();
    if (other?.status !== 'confirmed') continue;
    await Subscription.updateOne({ _id: id }, { $set: { status: 'ended', endedReason: 'replaced' } });
    replaced.push(id);
  }
  // Their pending alerts are left as they are: every sender checks the status first.
  await noteRemovedFromMatchIndex(replaced);
  // The person asked again, explicitly: an earlier "unsubscribed" suppression no longer holds.
  await liftSuppression(sub.email, opts.secret);
  const after = (await Subscription.findById(sub._id).lean<SubscriptionDoc>())!;
  // After the writes, as read back: the match index learns of the confirmed subscription.
  await noteMatchIndexChanges([after]);
  return after;
}
