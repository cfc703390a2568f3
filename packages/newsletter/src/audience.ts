import { AppError } from '@qn/domain';
import { suppressedHashes } from '@qn/mail';
import { NewsletterList } from './models/newsletter-list';
import { Segment, type SegmentFilter } from './models/segment';
import { Subscriber } from './models/subscriber';
import { op } from './trusted';

export type Audience = { listIds: string[]; segmentId?: string };

/** The query of confirmed subscribers on the lists, narrowed by the segment's attributes. */
export function audienceQuery(listIds: string[], filter?: SegmentFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {
    listId: listIds.length === 1 ? listIds[0] : op({ $in: listIds }),
    status: 'confirmed',
  };
  if (filter?.municipalities.length) q['attributes.municipality'] = op({ $in: filter.municipalities });
  if (filter?.actorTypes.length) q['attributes.actorType'] = op({ $in: filter.actorTypes });
  if (filter?.fieldsOfAction.length) q['attributes.fieldsOfAction'] = op({ $in: filter.fieldsOfAction });
  return q;
}

/** Checks that the lists and the segment exist and fit together; returns the query. */
export async function resolveAudience(a: Audience): Promise<Record<string, unknown>> {
  const listIds = [...new Set(a.listIds)];
  if (listIds.length === 0)
    throw AppError.validation([{ field: 'audience.listIds', message: 'at least one list' }]);
  const found = await NewsletterList.find({ _id: op({ $in: listIds }) }, { _id: 1 }).lean();
  const missing = listIds.filter((id) => !found.some((l) => l._id === id));
  if (missing.length)
    throw AppError.validation([
      { field: 'audience.listIds', message: `unknown lists: ${missing.join(', ')}` },
    ]);
  if (!a.segmentId) return audienceQuery(listIds);
  const seg = await Segment.findById(a.segmentId).lean();
  if (!seg) throw AppError.validation([{ field: 'audience.segmentId', message: 'unknown segment' }]);
  if (listIds.length !== 1 || listIds[0] !== seg.listId)
    throw AppError.validation([
      { field: 'audience.segmentId', message: 'a segment belongs to one list: target exactly that list' },
    ]);
  return audienceQuery(listIds, seg.filter);
}

/**
 * Recipients the audience has now: distinct addresses, suppressed ones left out. Reads the
 * subscribers with a cursor in batches; `stopAt` ends early (an emptiness check reads one batch).
 */
export async function countAudience(
  query: Record<string, unknown>,
  opts: { stopAt?: number } = {},
): Promise<number> {
  const seen = new Set<string>();
  let count = 0;
  let batch: string[] = [];
  const flush = async () => {
    const blocked = await suppressedHashes(batch);
    for (const h of batch) if (!blocked.has(h)) count++;
    batch = [];
  };
  const cursor = Subscriber.find(query, { addressHash: 1 })
    .lean<{ addressHash: string }[]>()
    .cursor({ batchSize: 1000 });
  for await (const s of cursor as AsyncIterable<{ addressHash: string }>) {
    if (seen.has(s.addressHash)) continue;
    seen.add(s.addressHash);
    batch.push(s.addressHash);
    if (batch.length >= 1000) {
      await flush();
      if (opts.stopAt && count >= opts.stopAt) break;
    }
  }
  if (batch.length) await flush();
  return count;
}
