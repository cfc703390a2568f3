import { DIMENSIONS, generationKey, remindersKey, stateKey, valueKey, type MatchIndex } from './index-keys';
import type { IndexedState } from './indexed-state';

export type MatchIndexContents = {
  generation: string | null;
  /** Per indexed subscription: its stored state and the sets it is in (`<dimension>:<value>`, `reminders`). */
  subscriptions: Record<string, { state: IndexedState; sets: string[] }>;
};

/**
 * The whole current generation, as the matchers see it: for checks and tests on small data.
 * Memberships are read for the values the stored states name, plus each dimension's "any".
 */
export async function readMatchIndex(ix: MatchIndex): Promise<MatchIndexContents> {
  const generation = await ix.redis.get(generationKey(ix));
  if (!generation) return { generation, subscriptions: {} };
  const raw = await ix.redis.hgetall(stateKey(ix, generation));
  const states = Object.entries(raw).map(([id, s]) => [id, JSON.parse(s) as IndexedState] as const);
  const keys = new Map<string, string>(); // redis key → label
  for (const [, st] of states)
    for (const d of DIMENSIONS)
      for (const v of [...st.m[d], '*']) keys.set(valueKey(ix, generation, d, v), `${d}:${v}`);
  keys.set(remindersKey(ix, generation), 'reminders');
  const sets = new Map<string, string[]>();
  for (const [key, label] of keys)
    for (const id of await ix.redis.smembers(key)) sets.set(id, [...(sets.get(id) ?? []), label]);
  const subscriptions: MatchIndexContents['subscriptions'] = {};
  for (const [id, state] of states) subscriptions[id] = { state, sets: (sets.get(id) ?? []).sort() };
  for (const id of sets.keys()) subscriptions[id] ??= { state: null as never, sets: sets.get(id)!.sort() };
  return { generation, subscriptions };
}
