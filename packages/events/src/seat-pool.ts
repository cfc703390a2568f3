import { randomBytes } from 'node:crypto';
import type { EventsDeps } from './events-deps';
import { orUnavailable } from '@qn/queue';
import { runScript } from './redis-script';

/**
 * The fast path: a Redis list per event holds the seat numbers that new registrants may take.
 * A Lua script pops k of them atomically, so a burst of registrations gets distinct candidates
 * without touching the database; inserting the seat documents (unique `_id`) stays the final
 * arbiter, so a stale or duplicated candidate costs a retry, never an oversell.
 *
 * The `gen` key marks the pool as built. Redis here keeps no data across restarts: a missing
 * `gen` means the pool was lost, and the caller rebuilds it from the seat documents under the
 * event lock (`settleSeats`). `gen` changes when the pool is rebuilt or the capacity is lowered;
 * a registrant whose `gen` changed between pop and insert re-checks against the database.
 */
const POP = `
if redis.call('EXISTS', KEYS[3]) == 1 then return {'closed'} end
local gen = redis.call('GET', KEYS[2])
if not gen then return {'missing'} end
local k = tonumber(ARGV[1])
if redis.call('LLEN', KEYS[1]) < k then return {'empty', gen} end
local nums = redis.call('LPOP', KEYS[1], k)
local out = {'ok', gen}
for i = 1, #nums do out[#out + 1] = nums[i] end
return out`;

/**
 * Appends free numbers (ARGV[3..]); creates the generation marker if the pool was lost
 * (ARGV[1]); both keys expire at ARGV[2] (ms), a week after the event, when no one can register.
 * The numbers go in slices: Lua's unpack stops at about 8,000 values, and an event may have
 * 10,000 seats.
 */
const APPEND = `
for i = 3, #ARGV, 4000 do
  redis.call('RPUSH', KEYS[1], unpack(ARGV, i, math.min(i + 3999, #ARGV)))
end
redis.call('SET', KEYS[2], ARGV[1], 'NX')
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
return 1`;

const KEEP_AFTER_END_MS = 7 * 86_400_000;

export type PopResult =
  | { kind: 'ok'; gen: string; seatNos: number[] }
  | { kind: 'empty'; gen: string }
  | { kind: 'missing' }
  | { kind: 'closed' };

function keys(deps: Pick<EventsDeps, 'keyPrefix'>, eventId: string) {
  const base = `${deps.keyPrefix}:ev:${eventId}`;
  return { pool: `${base}:pool`, gen: `${base}:gen`, closed: `${base}:closed` };
}

export function newGen(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export async function popSeatNos(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
  count: number,
): Promise<PopResult> {
  const k = keys(deps, eventId);
  const r = (await runScript(deps.redis, POP, [k.pool, k.gen, k.closed], [String(count)])) as string[];
  if (r[0] === 'closed') return { kind: 'closed' };
  if (r[0] === 'missing') return { kind: 'missing' };
  if (r[0] === 'empty') return { kind: 'empty', gen: r[1]! };
  return { kind: 'ok', gen: r[1]!, seatNos: r.slice(2).map(Number) };
}

/** Puts numbers back at the head (a registration that did not use what it popped). */
export async function returnSeatNos(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
  seatNos: number[],
): Promise<void> {
  if (seatNos.length === 0) return;
  const k = keys(deps, eventId);
  // Only into a pool that still exists: a lost pool is rebuilt from the database anyway.
  await orUnavailable(deps.redis, async () => {
    if (await deps.redis.exists(k.gen)) await deps.redis.lpush(k.pool, ...seatNos.map(String).reverse());
  });
}

/** Call under the event lock: adds freed or new seat numbers for new registrants. */
export async function appendToPool(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
  seatNos: number[],
  eventEndsAt: Date,
): Promise<void> {
  const k = keys(deps, eventId);
  const expireAt = String(eventEndsAt.getTime() + KEEP_AFTER_END_MS);
  await runScript(deps.redis, APPEND, [k.pool, k.gen], [newGen(), expireAt, ...seatNos.map(String)]);
}

export async function poolSeatNos(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
): Promise<number[]> {
  return (await deps.redis.lrange(keys(deps, eventId).pool, 0, -1)).map(Number);
}

export async function currentGen(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
): Promise<string | null> {
  return orUnavailable(deps.redis, () => deps.redis.get(keys(deps, eventId).gen));
}

/** Drops the pool and starts a new generation: in-flight registrants re-check their seats. */
export async function resetPool(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
): Promise<void> {
  const k = keys(deps, eventId);
  await deps.redis.multi().del(k.pool).set(k.gen, newGen()).exec();
}

/**
 * The event is cancelled: no pool any more, and a marker that turns every later pop into
 * 'closed' at once, whatever a process's cached copy of the event still says. Lost with Redis,
 * it is set again by the rebuild, which reads the cancelled event from the database.
 */
export async function closePool(
  deps: Pick<EventsDeps, 'redis' | 'keyPrefix'>,
  eventId: string,
): Promise<void> {
  const k = keys(deps, eventId);
  await orUnavailable(deps.redis, () =>
    deps.redis.multi().set(k.closed, '1', 'PX', KEEP_AFTER_END_MS).del(k.pool, k.gen).exec(),
  );
}
