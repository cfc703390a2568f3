import { isDuplicateKeyError } from '@qn/db';
import { suppressedHashes } from '@qn/mail';
import type { Producer } from '@qn/queue';
import { Alert, alertId, type AlertDoc, type AlertKind } from './models/alert';
import { MatchRun } from './models/match-run';
import { Programme, type ProgrammeDoc } from './models/programme';
import { Subscription, type SubscriptionDoc } from './models/subscription';
import { keywordsMatch, subscriptionMatchQuery } from './match-query';
import { op } from './trusted';

export type MatchRequest = {
  programmeId: string;
  reason: string;
  kind: AlertKind;
  deadline?: string;
  daysBefore?: number;
};

export type MatchResult = { matched: number; enqueued: number; suppressed: number; skipped?: string };

type SubRow = Pick<SubscriptionDoc, '_id' | 'emailHash' | 'frequency' | 'keywords'>;

/**
 * Fans a programme change out to its subscribers without holding them in memory: the
 * database selects the matching confirmed subscriptions, a cursor streams them, and each batch
 * is (1) recorded as alert documents with deterministic ids, inserted unordered so duplicates
 * from an earlier, interrupted run are ignored, then (2) enqueued as `funding.send-alert` jobs
 * with deterministic ids in one round trip. A rerun after a crash re-enqueues exactly the
 * alerts still pending, so each (subscription, programme, reason) is mailed at most once.
 * Weekly subscribers get digest items instead (reminders always go out at once: a weekly
 * digest could arrive after the deadline).
 */
export async function matchProgramme(opts: {
  request: MatchRequest;
  producer: Producer;
  batchSize?: number;
  now?: Date;
  requestId?: string;
}): Promise<MatchResult> {
  const { request: rq, producer } = opts;
  const batchSize = opts.batchSize ?? 500;
  const programme = await Programme.findById(rq.programmeId).lean<ProgrammeDoc>();
  if (!programme || programme.status !== 'published')
    return { matched: 0, enqueued: 0, suppressed: 0, skipped: 'not published' };

  const result: MatchResult = { matched: 0, enqueued: 0, suppressed: 0 };
  const cursor = Subscription.find(
    subscriptionMatchQuery(programme, { remindersOnly: rq.kind === 'reminder' }),
    {
      _id: 1,
      emailHash: 1,
      frequency: 1,
      keywords: 1,
    },
  )
    .lean<SubRow[]>()
    .cursor({ batchSize });

  let batch: SubRow[] = [];
  for await (const sub of cursor as AsyncIterable<SubRow>) {
    if (!keywordsMatch(sub.keywords, programme.searchText)) continue;
    batch.push(sub);
    if (batch.length >= batchSize) {
      await flush(batch);
      batch = [];
    }
  }
  await flush(batch);

  await MatchRun.updateOne(
    { _id: `${rq.programmeId}:${rq.reason}` },
    {
      $set: {
        programmeId: rq.programmeId,
        reason: rq.reason,
        matched: result.matched,
        enqueued: result.enqueued,
        finishedAt: new Date(),
      },
    },
    { upsert: true },
  );
  return result;

  async function flush(rows: SubRow[]): Promise<void> {
    if (rows.length === 0) return;
    const suppressed = await suppressedHashes(rows.map((r) => r.emailHash));
    if (suppressed.size) {
      // Suppressed (unsubscribed everywhere, bounced, erased): their alert subscription ends.
      const ended = rows.filter((r) => suppressed.has(r.emailHash)).map((r) => r._id);
      await Subscription.updateMany(
        { _id: op({ $in: ended }) },
        { $set: { status: 'ended', endedReason: 'suppressed' } },
      );
      result.suppressed += ended.length;
      rows = rows.filter((r) => !suppressed.has(r.emailHash));
    }
    const createdAt = opts.now ?? new Date();
    const docs: AlertDoc[] = rows.map((r) => ({
      _id: alertId(r._id, rq.programmeId, rq.reason),
      subscriptionId: r._id,
      programmeId: rq.programmeId,
      reason: rq.reason,
      kind: rq.kind,
      ...(rq.deadline ? { deadline: rq.deadline } : {}),
      ...(rq.daysBefore !== undefined ? { daysBefore: rq.daysBefore } : {}),
      mode: r.frequency === 'weekly' && rq.kind !== 'reminder' ? 'digest' : 'immediate',
      status: 'pending',
      createdAt,
    }));
    const duplicates = await insertIgnoringDuplicates(docs);
    result.matched += docs.length;

    let immediate = docs.filter((d) => d.mode === 'immediate' && !duplicates.has(d._id));
    if (duplicates.size) {
      // An earlier run recorded these; enqueue again only what it may not have enqueued.
      const stillPending = await Alert.find(
        { _id: op({ $in: [...duplicates] }), status: 'pending', mode: 'immediate' },
        { _id: 1 },
      ).lean();
      const again = new Set(stillPending.map((a) => a._id));
      immediate = immediate.concat(docs.filter((d) => again.has(d._id)));
    }
    await producer.enqueueBulk(
      'funding.send-alert',
      immediate.map((d) => ({
        payload: {
          subscriptionId: d.subscriptionId,
          programmeId: d.programmeId,
          reason: d.reason,
          kind: d.kind,
          ...(d.deadline ? { deadline: d.deadline } : {}),
          ...(d.daysBefore !== undefined ? { daysBefore: d.daysBefore } : {}),
        },
        opts: { requestId: opts.requestId },
      })),
    );
    result.enqueued += immediate.length;
  }
}

type WriteErr = { index: number; code?: number };

/** Inserts unordered; returns the ids that already existed. Any other error is thrown. */
async function insertIgnoringDuplicates(docs: AlertDoc[]): Promise<Set<string>> {
  const dups = new Set<string>();
  if (docs.length === 0) return dups;
  try {
    await Alert.collection.insertMany(docs as never[], { ordered: false });
  } catch (err) {
    // The driver gives one WriteError or an array of them.
    const we = (err as { writeErrors?: WriteErr | WriteErr[] }).writeErrors;
    const list = Array.isArray(we) ? we : we ? [we] : [];
    if (!isDuplicateKeyError(err) || list.length === 0 || list.some((w) => w.code !== 11000)) throw err;
    for (const w of list) dups.add(docs[w.index]!._id);
  }
  return dups;
}
