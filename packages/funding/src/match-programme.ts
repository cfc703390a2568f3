import { isDuplicateKeyError } from '@qn/db';
import { AppError } from '@qn/domain';
import { suppressedHashes } from '@qn/mail';
import type { Producer } from '@qn/queue';
import { Alert, alertId, type AlertDoc, type AlertKind } from './models/alert';
import { MatchRun } from './models/match-run';
import { Programme, type ProgrammeDoc } from './models/programme';
import { Subscription, type SubscriptionDoc } from './models/subscription';
import { keywordsMatch, subscriptionMatchQuery } from './match-query';
import { noteRemovedFromMatchIndex } from './match-index/note-match-index-changes';
import { INDEX_BUSY, type MatchIndex } from './match-index/index-keys';
import { applyMatchIndexChanges } from './match-index/rebuild-match-index';
import { popCandidates, type Candidate } from './match-index/pop-candidates';
import { selectCandidates } from './match-index/select-candidates';
import { subscriptionMatches } from './subscription-matches';
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

const toRow = ({ id, state: st }: Candidate): SubRow => ({
  _id: id,
  emailHash: st.h,
  frequency: st.f,
  keywords: st.k,
});

/**
 * Fans a programme change out to its subscribers without holding them in memory. With a match
 * index (Redis, docs/adr/0006) the candidates are computed inside Redis and popped in batches;
 * each is re-checked with `subscriptionMatches` against the state the index holds (and again at
 * send time against the database). Without one, the database selects the matching confirmed
 * subscriptions and a cursor streams them. Each batch is (1) recorded as alert documents with deterministic ids, inserted unordered so duplicates
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
  /** The Redis match index; without it the database selects (a full scan on FerretDB). */
  index?: MatchIndex;
}): Promise<MatchResult> {
  const { request: rq, producer } = opts;
  const batchSize = opts.batchSize ?? 500;
  const programme = await Programme.findById(rq.programmeId).lean<ProgrammeDoc>();
  if (!programme || programme.status !== 'published')
    return { matched: 0, enqueued: 0, suppressed: 0, skipped: 'not published' };
  const prog: ProgrammeDoc = programme;

  const result: MatchResult = { matched: 0, enqueued: 0, suppressed: 0 };
  const remindersOnly = rq.kind === 'reminder';
  const path = opts.index ? await indexGeneration(opts.index) : undefined;
  if (opts.index && path) await fromIndex(opts.index, path);
  else await fromDatabase();

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

  async function fromIndex(ix: MatchIndex, generation: string): Promise<void> {
    const key = await selectCandidates(ix, generation, prog, { remindersOnly });
    const pop = () => {
      const p = popCandidates(ix, key, generation, batchSize);
      p.catch(() => undefined); // awaited on the next turn; not "unhandled" meanwhile
      return p;
    };
    // Three stages overlap: while batch k is checked against the suppression list and recorded
    // in the database, batch k+1 is popped from Redis and batch k-1 is enqueued. Each batch is
    // recorded before it is enqueued; the database sees one query at a time (FerretDB
    // serialises writes anyway, and a read beside an insert slowed both here). A batch popped
    // but not recorded when something fails is not lost: the job's retry selects anew.
    let next = pop();
    let enqueuing: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const { popped, candidates } = await next;
        if (popped === 0) break;
        next = pop();
        const recorded = await record(await withoutSuppressed(candidates.filter(stillMatches).map(toRow)));
        await enqueuing;
        enqueuing = enqueue(recorded);
        enqueuing.catch(() => undefined);
      }
      await enqueuing;
    } finally {
      await Promise.allSettled([enqueuing, next]);
      await ix.redis.del(key);
    }
  }

  function stillMatches({ state: st }: Candidate): boolean {
    return subscriptionMatches({ match: st.m, keywords: st.k, reminders: st.r }, prog, { remindersOnly });
  }

  async function fromDatabase(): Promise<void> {
    const cursor = Subscription.find(subscriptionMatchQuery(prog, { remindersOnly }), {
      _id: 1,
      emailHash: 1,
      frequency: 1,
      keywords: 1,
    })
      .lean<SubRow[]>()
      .cursor({ batchSize });

    let batch: SubRow[] = [];
    for await (const sub of cursor as AsyncIterable<SubRow>) {
      if (!keywordsMatch(sub.keywords, prog.searchText)) continue;
      batch.push(sub);
      if (batch.length >= batchSize) {
        await flush(batch);
        batch = [];
      }
    }
    await flush(batch);
  }

  async function flush(rows: SubRow[]): Promise<void> {
    await enqueue(await record(await withoutSuppressed(rows)));
  }

  /** Ends the suppressed subscriptions among `rows`; returns the others. */
  async function withoutSuppressed(rows: SubRow[]): Promise<SubRow[]> {
    if (rows.length === 0) return rows;
    const suppressed = await suppressedHashes(rows.map((r) => r.emailHash));
    if (suppressed.size === 0) return rows;
    // Suppressed (unsubscribed everywhere, bounced, erased): their alert subscription ends.
    const ended = rows.filter((r) => suppressed.has(r.emailHash)).map((r) => r._id);
    await Subscription.updateMany(
      { _id: op({ $in: ended }) },
      { $set: { status: 'ended', endedReason: 'suppressed' } },
    );
    await noteRemovedFromMatchIndex(ended);
    result.suppressed += ended.length;
    return rows.filter((r) => !suppressed.has(r.emailHash));
  }

  /** Inserts the alert records; returns the alerts to enqueue. */
  async function record(rows: SubRow[]): Promise<AlertDoc[]> {
    if (rows.length === 0) return [];
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
    return immediate;
  }

  async function enqueue(immediate: AlertDoc[]): Promise<void> {
    if (immediate.length === 0) return;
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

/**
 * The generation to read, once the recorded changes are applied (rebuilt first when missing).
 * While another process holds the index lock longer than a short wait (a rebuild, or a crashed
 * holder whose lock has not expired yet) the slower database path answers instead: matching
 * must never run on an index that lacks recent confirmations.
 */
async function indexGeneration(ix: MatchIndex): Promise<string | undefined> {
  try {
    return (await applyMatchIndexChanges(ix, { waitMs: 30_000 })).generation!;
  } catch (err) {
    if (err instanceof AppError && err.code === 'unavailable' && err.message === INDEX_BUSY) return undefined;
    throw err;
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
