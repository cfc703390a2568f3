import type { Redis } from 'ioredis';
import { MatchIndexChange } from '../models/match-index-change';
import { op } from '../trusted';
import { noteRemovedFromMatchIndex } from './note-match-index-changes';
import { applyMatchIndexChanges } from './rebuild-match-index';

/**
 * Privacy erasure of funding subscriptions: the index (which holds each address's HMAC and
 * keywords) must let go of them. Pending outbox entries of these subscriptions carry the same
 * data, so they are dropped, and a removal is recorded in their place; with Redis at hand it is
 * applied at once (a rebuild holding the lock applies it when it finishes).
 */
export async function eraseFromMatchIndex(
  ids: readonly string[],
  index?: { redis: Redis; prefix: string },
): Promise<void> {
  if (ids.length === 0) return;
  await MatchIndexChange.deleteMany({ subscriptionId: op({ $in: [...ids] }) });
  await noteRemovedFromMatchIndex(ids);
  if (index)
    await applyMatchIndexChanges(index, { waitMs: 5_000, rebuildIfMissing: false }).catch(() => undefined);
}
