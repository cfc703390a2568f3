import { isDuplicateKeyError } from '@qn/db';
import { ApiTokenUse } from './models/api-token-use';

/** "Last used" is for people deciding which token to revoke; to the hour is precise enough. */
export const TOKEN_USE_INTERVAL_MS = 3600_000;

// Per process: which tokens this process stamped, and when. Lets a busy API client's requests
// skip the database entirely between stamps; bounded, since forgetting only costs one read.
const stampedHere = new Map<string, number>();
const REMEMBERED_MAX = 10_000;

/**
 * Stamps the token's last use (by `_id`, the token's hash) unless it was stamped within the
 * last hour, here or by another process. Returns whether it wrote. Callers do not wait for it.
 */
export async function recordApiTokenUse(tokenId: string, now: Date = new Date()): Promise<boolean> {
  const at = now.getTime();
  const last = stampedHere.get(tokenId);
  if (last !== undefined && at - last < TOKEN_USE_INTERVAL_MS) return false;
  if (stampedHere.size >= REMEMBERED_MAX) stampedHere.clear();
  // Claimed before the first await, so concurrent requests of this process do not all write.
  stampedHere.set(tokenId, at);
  try {
    const use = await ApiTokenUse.findById(tokenId).lean();
    if (use && at - use.lastUsedAt.getTime() < TOKEN_USE_INTERVAL_MS) {
      stampedHere.set(tokenId, use.lastUsedAt.getTime());
      return false;
    }
    await ApiTokenUse.updateOne({ _id: tokenId }, { $set: { lastUsedAt: now } }, { upsert: true });
    return true;
  } catch (err) {
    // Two processes inserting the first stamp at once: the other one's stamp is as good.
    if (isDuplicateKeyError(err)) return false;
    stampedHere.delete(tokenId);
    throw err;
  }
}
