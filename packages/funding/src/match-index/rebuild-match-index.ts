import { Subscription } from '../models/subscription';
import { applyOrRebuild, addToIndex, drainMatchIndexChanges, lockedIndex } from './apply-match-index-changes';
import {
  generationKey,
  generationPattern,
  generationPrefix,
  OLD_GENERATION_TTL_S,
  sequenceKey,
  type MatchIndex,
} from './index-keys';
import { INDEXED_FIELDS, indexedStateOf, type IndexableSubscription } from './indexed-state';

const PIPELINE = 1000;

/**
 * Builds the index from the database into a fresh generation and switches the version key to
 * it; the replaced generation (and any half-built one a crash left behind) expires. Streams the
 * confirmed subscriptions in batches, so memory stays flat whatever their number. The caller
 * holds the index lock.
 */
export async function rebuildLocked(ix: MatchIndex): Promise<{ generation: string; subscriptions: number }> {
  const gen = String(await ix.redis.incr(sequenceKey(ix)));
  const cursor = Subscription.find({ status: 'confirmed' }, INDEXED_FIELDS)
    .lean<IndexableSubscription[]>()
    .cursor({ batchSize: PIPELINE });
  let p = ix.redis.pipeline();
  let queued = 0;
  let subscriptions = 0;
  for await (const s of cursor as AsyncIterable<IndexableSubscription>) {
    const st = indexedStateOf(s);
    if (!st) continue;
    addToIndex(p, ix, gen, s._id, st);
    subscriptions++;
    if (++queued >= PIPELINE) {
      await p.exec();
      p = ix.redis.pipeline();
      queued = 0;
    }
  }
  await p.exec();
  // Changes written while the cursor ran are applied on top: each carries the state its write
  // left, and the newest entry per subscription wins.
  await drainMatchIndexChanges(ix, gen);
  await ix.redis.set(generationKey(ix), gen);
  await expireOtherGenerations(ix, gen);
  return { generation: gen, subscriptions };
}

async function expireOtherGenerations(ix: MatchIndex, keep: string): Promise<void> {
  const mine = generationPrefix(ix, keep);
  let cursor = '0';
  do {
    const [next, keys] = await ix.redis.scan(cursor, 'MATCH', generationPattern(ix), 'COUNT', 1000);
    cursor = next;
    const others = keys.filter((k) => !k.startsWith(mine));
    if (others.length) {
      const p = ix.redis.pipeline();
      // Only keys without an expiry get one, so a second rebuild doesn't keep old ones alive.
      for (const k of others) p.expire(k, OLD_GENERATION_TTL_S, 'NX');
      await p.exec();
    }
  } while (cursor !== '0');
}

/** A rebuild under the index lock (worker start, schedule, tests). */
export function rebuildMatchIndex(ix: MatchIndex): Promise<{ generation: string; subscriptions: number }> {
  return lockedIndex(ix, () => rebuildLocked(ix));
}

/**
 * The index brought up to date: the recorded changes applied, or (version key missing) rebuilt,
 * unless `rebuildIfMissing: false` (then no generation comes back: there is no index to read).
 */
export function applyMatchIndexChanges(
  ix: MatchIndex,
  opts: { waitMs?: number; rebuildIfMissing?: boolean } = {},
): Promise<{ generation?: string; applied: number; rebuilt: boolean }> {
  return applyOrRebuild(ix, rebuildLocked, opts);
}
