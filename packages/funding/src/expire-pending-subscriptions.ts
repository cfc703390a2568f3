import { Subscription } from './models/subscription';
import { op } from './trusted';

/**
 * Unconfirmed sign-ups past their expiry are deleted (there is no TTL index on FerretDB, so a
 * scheduled job does it). Nothing was ever sent to them but the confirmation mail.
 */
export async function expirePendingSubscriptions(now: Date = new Date()): Promise<number> {
  const res = await Subscription.deleteMany({ status: 'pending', expiresAt: op({ $lt: now }) });
  return res.deletedCount;
}
