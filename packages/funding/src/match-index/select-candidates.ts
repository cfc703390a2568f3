import { randomBytes } from 'node:crypto';
import type { ProgrammeDoc } from '../models/programme';
import { ANY } from '../subscription-filters';
import { remindersKey, tempPrefix, valueKey, type Dimension, type MatchIndex } from './index-keys';

/** Long enough for the slowest fan-out; the matcher deletes its key when done. */
const TEMP_TTL_S = 3600;

/**
 * The candidate set for a programme, computed inside Redis: per dimension the union of the
 * programme's value sets and the dimension's "any" set, then the intersection across
 * dimensions (and the reminder set for reminders). Returns the key of the result, a sorted
 * set whose scores are all 0, which the caller pops in batches (`popCandidates`) and deletes.
 */
export async function selectCandidates(
  ix: MatchIndex,
  gen: string,
  p: Pick<ProgrammeDoc, 'fieldsOfAction' | 'applicantTypes' | 'provider' | 'region'>,
  opts: { remindersOnly?: boolean } = {},
): Promise<string> {
  const tmp = `${tempPrefix(ix)}${randomBytes(8).toString('hex')}`;
  const dims: [Dimension, readonly string[]][] = [
    ['fieldsOfAction', p.fieldsOfAction],
    ['applicantTypes', p.applicantTypes],
    ['providers', [p.provider]],
  ];
  // State- and county-wide programmes cover every municipality (as in subscriptionMatchQuery).
  if (p.region.scope === 'municipalities') dims.push(['municipalities', p.region.municipalities]);
  const m = ix.redis.multi();
  const unions = dims.map(([dim, values], i) => {
    const key = `${tmp}:${i}`;
    m.sunionstore(key, ...[...new Set([...values, ANY])].map((v) => valueKey(ix, gen, dim, v)));
    return key;
  });
  const result = `${tmp}:result`;
  const inputs = [...unions, ...(opts.remindersOnly ? [remindersKey(ix, gen)] : [])];
  // Sorted with equal scores, the result pops in id order. The alert records are keyed by
  // subscription id, and FerretDB's SQLite B-trees take inserts in key order about 1.7 times
  // faster than the random order SPOP gives (docs/bench/alert-matching.md).
  m.zinterstore(result, inputs.length, ...inputs, 'WEIGHTS', ...inputs.map(() => 0));
  m.expire(result, TEMP_TTL_S);
  m.del(...unions);
  const replies = await m.exec();
  const failed = replies?.find(([err]) => err);
  if (!replies || failed) throw failed?.[0] ?? new Error('match index selection was aborted');
  return result;
}
