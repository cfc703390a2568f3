import { createHmac } from 'node:crypto';
import mongoose, { Schema } from 'mongoose';
import { defineModel } from '@qn/db';

/**
 * Addresses that no list may mail (unsubscribed everywhere, hard bounce, complaint, erasure).
 * Stored as an HMAC of the normalised address, never in clear, so an erased person's address
 * is not kept and yet is recognised if it shows up in an import. Keyed by SECRET_KEY.
 */
export type SuppressionReason = 'unsubscribed' | 'bounced' | 'complained' | 'erased' | 'manual';

type SuppressionDoc = { _id: string; reason: SuppressionReason; at: Date };

const schema = new Schema<SuppressionDoc>(
  {
    _id: { type: String, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'suppressions' },
);

export const Suppression = defineModel<SuppressionDoc>('Suppression', schema);

export function addressHash(normalisedEmail: string, secret: string): string {
  return createHmac('sha256', secret).update(normalisedEmail).digest('hex');
}

export async function suppressAddress(
  normalisedEmail: string,
  reason: SuppressionReason,
  secret: string,
): Promise<void> {
  await Suppression.updateOne(
    { _id: addressHash(normalisedEmail, secret) },
    { $set: { reason, at: new Date() } },
    { upsert: true },
  );
}

/** A fresh, confirmed opt-in lifts a suppression (DSGVO: the person asked again). */
export async function liftSuppression(normalisedEmail: string, secret: string): Promise<void> {
  await Suppression.deleteOne({ _id: addressHash(normalisedEmail, secret) });
}

export async function isSuppressed(normalisedEmail: string, secret: string): Promise<boolean> {
  return (await Suppression.exists({ _id: addressHash(normalisedEmail, secret) })) !== null;
}

/**
 * For fan-out: which of these hashes are suppressed, in one query. The `$in` is marked trusted:
 * the global sanitizeFilter would otherwise turn it into an `$eq` that fails to cast.
 */
export async function suppressedHashes(hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await Suppression.find({ _id: mongoose.trusted({ $in: hashes }) }, { _id: 1 }).lean();
  return new Set(rows.map((r) => r._id));
}
