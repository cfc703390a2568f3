import type { IndexedState } from './indexed-state';
import { stateKey, type MatchIndex } from './index-keys';

export type Candidate = { id: string; state: IndexedState };

// ZPOPMIN and HMGET in one script: one round trip per batch instead of two.
const POP_WITH_STATE = `
local popped = redis.call('ZPOPMIN', KEYS[1], ARGV[1])
if #popped == 0 then return {} end
local ids = {}
for i = 1, #popped, 2 do ids[#ids + 1] = popped[i] end
local states = redis.call('HMGET', KEYS[2], unpack(ids))
local out = {}
for i = 1, #ids do
  if states[i] then
    out[#out + 1] = ids[i]
    out[#out + 1] = states[i]
  end
end
out[#out + 1] = #ids
return out`;

/** Lua's unpack has a stack limit; batches stay well below it. */
export const MAX_POP = 2000;

/**
 * Takes up to `count` candidates out of a `selectCandidates` result together with their
 * indexed state: lowest ids first, each id handed out once. A candidate without state (removed
 * from the index meanwhile) is dropped; `popped` counts it, so 0 means the result is exhausted.
 */
export async function popCandidates(
  ix: MatchIndex,
  key: string,
  generation: string,
  count: number,
): Promise<{ popped: number; candidates: Candidate[] }> {
  if (count < 1 || count > MAX_POP) throw new RangeError(`batch size must be 1..${MAX_POP}`);
  const flat = (await ix.redis.eval(POP_WITH_STATE, 2, key, stateKey(ix, generation), count)) as (
    string | number
  )[];
  if (flat.length === 0) return { popped: 0, candidates: [] };
  const candidates: Candidate[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2)
    candidates.push({ id: flat[i] as string, state: JSON.parse(flat[i + 1] as string) as IndexedState });
  return { popped: flat[flat.length - 1] as number, candidates };
}
