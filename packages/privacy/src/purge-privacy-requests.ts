import mongoose from 'mongoose';
import type { Config } from '@qn/config';
import { PrivacyRequest } from './privacy-request';

/**
 * Housekeeping for the scheduler: unconfirmed requests past their link's deadline lose the
 * sealed address and become `expired`; records older than PRIVACY_REQUEST_RETENTION_DAYS go.
 */
export async function purgePrivacyRequests(
  config: Config,
  now = new Date(),
): Promise<{ expired: number; deleted: number }> {
  const expired = await PrivacyRequest.updateMany(
    { status: 'awaiting-confirmation', expiresAt: mongoose.trusted({ $lte: now }) },
    { $set: { status: 'expired' }, $unset: { sealedAddress: 1, tokenHash: 1 } },
  );
  const cutoff = new Date(now.getTime() - config.PRIVACY_REQUEST_RETENTION_DAYS * 86_400_000);
  const deleted = await PrivacyRequest.deleteMany({ requestedAt: mongoose.trusted({ $lt: cutoff }) });
  return { expired: expired.modifiedCount, deleted: deleted.deletedCount };
}
