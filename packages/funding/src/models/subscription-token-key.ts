import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';
import { op } from '../trusted';

/**
 * A pointer from the hash of one link token to its subscription. FerretDB's SQLite handler
 * filters an `_id` equality inside SQLite but decodes and tests every document in Go for any
 * other field, index or not (measured on 50,000 documents: 48 ms against 251 ms a lookup), so
 * a click on a mailed link goes by two `_id` reads. On MongoDB both would use indexes. The
 * subscription's own hash field stays the truth: a pointer whose hash the subscription no
 * longer carries (erased, replaced) leads nowhere. No personal data: a hash of a random token
 * and an id.
 */
export type SubscriptionTokenKeyDoc = { _id: string; subscriptionId: string };

const schema = new Schema<SubscriptionTokenKeyDoc>(
  { _id: { type: String, required: true }, subscriptionId: { type: String, required: true } },
  { versionKey: false, collection: 'funding_subscription_token_keys' },
);

export const SubscriptionTokenKey = defineModel<SubscriptionTokenKeyDoc>(
  'FundingSubscriptionTokenKey',
  schema,
);

/** The pointers of a subscription's three link-token hashes. */
export function tokenKeysOf(sub: {
  _id: string;
  confirmTokenHash: string;
  manageTokenHash: string;
  unsubscribeTokenHash: string;
}): SubscriptionTokenKeyDoc[] {
  return [sub.confirmTokenHash, sub.manageTokenHash, sub.unsubscribeTokenHash].map((h) => ({
    _id: h,
    subscriptionId: sub._id,
  }));
}

/**
 * Drops the pointers of these token hashes (a subscription deleted or its links killed). A few
 * (one person's erasure) go one `_id` each; FerretDB reads the whole collection for `$in`, which
 * only the housekeeping's bulk of expired sign-ups is worth.
 */
export async function dropTokenKeys(hashes: string[]): Promise<void> {
  if (hashes.length > 30) await SubscriptionTokenKey.deleteMany({ _id: op({ $in: hashes }) });
  else for (const h of hashes) await SubscriptionTokenKey.deleteOne({ _id: h });
}
