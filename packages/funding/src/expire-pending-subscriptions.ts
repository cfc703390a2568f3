import { Subscription } from './models/subscription';
import { dropTokenKeys, tokenKeysOf } from './models/subscription-token-key';
import { op } from './trusted';

/**
 * Unconfirmed sign-ups past their expiry are deleted (there is no TTL index on FerretDB, so a
 * scheduled job does it). Nothing was ever sent to them but the confirmation mail.
 */
export async function expirePendingSubscriptions(now: Date = new Date()): Promise<number> {
  const filter = { status: 'pending' as const, expiresAt: op({ $lt: now }) };
  const hashes = { confirmTokenHash: 1, manageTokenHash: 1, unsubscribeTokenHash: 1 };
  const expired = await Subscription.find(filter, hashes).lean();
  if (!expired.length) return 0;
  const ids = expired.map((s) => s._id);
  const res = await Subscription.deleteMany({ ...filter, _id: op({ $in: ids }) });
  // One confirmed between the read and the delete is still there and keeps its links.
  const kept = new Set(
    (await Subscription.find({ _id: op({ $in: ids }) }, { _id: 1 }).lean()).map((s) => s._id),
  );
  await dropTokenKeys(
    expired.filter((s) => !kept.has(s._id)).flatMap((s) => tokenKeysOf(s).map((k) => k._id)),
  );
  return res.deletedCount;
}
