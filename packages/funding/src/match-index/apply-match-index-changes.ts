import type { ChainableCommander } from 'ioredis';
import { withRedisLock } from '@qn/queue';
import { MatchIndexChange } from '../models/match-index-change';
import { op } from '../trusted';
import {
  DIMENSIONS,
  generationKey,
  INDEX_BUSY,
  LOCK_TTL_MS,
  LOCK_WAIT_MS,
  lockKey,
  remindersKey,
  stateKey,
  valueKey,
  type MatchIndex,
} from './index-keys';
import type { IndexedState } from './indexed-state';

const CHANGE_BATCH = 1000;

export function addToIndex(
  p: ChainableCommander,
  ix: MatchIndex,
  gen: string,
  id: string,
  st: IndexedState,
): void {
  for (const d of DIMENSIONS) for (const v of st.m[d]) p.sadd(valueKey(ix, gen, d, v), id);
  if (st.r) p.sadd(remindersKey(ix, gen), id);
  p.hset(stateKey(ix, gen), id, JSON.stringify(st));
}

function removeFromIndex(
  p: ChainableCommander,
  ix: MatchIndex,
  gen: string,
  id: string,
  st: IndexedState,
): void {
  for (const d of DIMENSIONS) for (const v of st.m[d]) p.srem(valueKey(ix, gen, d, v), id);
  p.srem(remindersKey(ix, gen), id);
  p.hdel(stateKey(ix, gen), id);
}

/**
 * Applies the outbox to generation `gen` and deletes what it applied. Per subscription the last
 * entry wins (entries carry the whole state). The caller holds the index lock.
 */
export async function drainMatchIndexChanges(ix: MatchIndex, gen: string): Promise<number> {
  let applied = 0;
  for (;;) {
    const batch = await MatchIndexChange.find({}).sort({ _id: 1 }).limit(CHANGE_BATCH).lean();
    if (batch.length === 0) return applied;
    const last = new Map<string, IndexedState | null>();
    for (const c of batch) last.set(c.subscriptionId, c.state ?? null);
    const ids = [...last.keys()];
    const before = await ix.redis.hmget(stateKey(ix, gen), ...ids);
    const p = ix.redis.multi();
    ids.forEach((id, i) => {
      const old = before[i];
      if (old) removeFromIndex(p, ix, gen, id, JSON.parse(old) as IndexedState);
      const now = last.get(id);
      if (now) addToIndex(p, ix, gen, id, now);
    });
    await p.exec();
    await MatchIndexChange.deleteMany({ _id: op({ $in: batch.map((c) => c._id) }) });
    applied += batch.length;
    if (batch.length < CHANGE_BATCH) return applied;
  }
}

export function lockedIndex<T>(ix: MatchIndex, fn: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  return withRedisLock(ix.redis, lockKey(ix), fn, {
    ttlMs: LOCK_TTL_MS,
    renew: true,
    waitMs,
    busyMessage: INDEX_BUSY,
  });
}

/**
 * Brings the index up to date with every change recorded so far and returns the generation to
 * read. Without a generation (Redis lost it, or the index never existed) it rebuilds first, so
 * matching never runs on a missing index and silently finds nobody.
 */
export async function applyOrRebuild(
  ix: MatchIndex,
  rebuild: (ix: MatchIndex) => Promise<{ generation: string }>,
  opts: { waitMs?: number; rebuildIfMissing?: boolean } = {},
): Promise<{ generation?: string; applied: number; rebuilt: boolean }> {
  return lockedIndex(
    ix,
    async () => {
      const gen = await ix.redis.get(generationKey(ix));
      if (!gen && opts.rebuildIfMissing === false) return { applied: 0, rebuilt: false };
      if (!gen) return { ...(await rebuild(ix)), applied: 0, rebuilt: true };
      return { generation: gen, applied: await drainMatchIndexChanges(ix, gen), rebuilt: false };
    },
    opts.waitMs,
  );
}
