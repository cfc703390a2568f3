import type { Cursor, Model } from 'mongoose';
import type { Logger } from 'pino';
import { suppressedHashes } from '@qn/mail';
import { isDuplicateKeyError } from '@qn/db';
import type { PayloadOf } from '@qn/queue';
import { resolveAudience } from './audience';
import { startScheduledCampaign } from './campaign-transitions';
import { writeErrorsOf } from './batch-insert';
import { Campaign, type CampaignDoc } from './models/campaign';
import { Delivery, DeliveryOutcome, deliveryIdOf, type DeliveryDoc } from './models/delivery';
import { FanoutState, type FanoutStateDoc } from './models/fanout-state';
import { Subscriber, type SubscriberDoc } from './models/subscriber';
import type { NewsletterContext } from './newsletter-context';
import { op } from './trusted';

export type FanOutDeps = {
  ctx: NewsletterContext;
  log: Logger;
  /** Jobs waiting in the newsletter queue; the fan-out keeps it below `highWater`. */
  backlog: () => Promise<number>;
  highWater: number;
  batchSize?: number;
};

export type FanOutResult = 'dispatched' | 'stopped' | 'superseded';

type Sub = Pick<SubscriberDoc, '_id' | 'listId' | 'email' | 'addressHash' | 'name' | 'lang'>;

/**
 * A campaign's fan-out, in two phases, both reading with cursors in batches (never the whole
 * audience in memory) and both safe to re-run after a crash:
 *
 * A. expansion: confirmed, unsuppressed subscribers of the target lists (and segment) become
 *    delivery records with `_id` `<campaign>:<addressHash>`, `insertMany` unordered, duplicates
 *    ignored: an address on two lists gets one record, a re-run adds nothing. Each batch's new
 *    records get their send jobs at once. Once done, the total is counted from the records.
 * B. after a crash, a pause during expansion or a resume: deliveries without an outcome (a
 *    merge of two `_id`-sorted cursors) get a send job each, with deterministic job ids of this
 *    round. Both phases keep the queue below a high-water mark, so a pause stops within a few
 *    seconds of mail, not thousands.
 *
 * Before every batch it checks that the campaign is still `sending` in this round; a pause,
 * cancel or newer round ends it.
 */
export async function fanOutCampaign(
  deps: FanOutDeps,
  p: PayloadOf<'newsletter.fan-out'>,
): Promise<FanOutResult> {
  const { ctx, log } = deps;
  const batchSize = deps.batchSize ?? 500;
  const started = await startScheduledCampaign(ctx, p.campaignId, p.gen);
  if (!started) return 'superseded';
  if (started.status !== 'sending') return 'stopped';
  const campaign = started;
  const active = async (): Promise<boolean> => {
    const c = await Campaign.findById(p.campaignId, { status: 1, gen: 1 }).lean<
      Pick<CampaignDoc, 'status' | 'gen'>
    >();
    return !!c && c.status === 'sending' && c.gen === p.gen;
  };

  let jobs: { payload: PayloadOf<'newsletter.send'> }[] = [];
  let enqueued = 0;
  const jobOf = (d: Pick<DeliveryDoc, '_id' | 'listId' | 'email' | 'name' | 'lang'>) => ({
    payload: {
      campaignId: p.campaignId,
      gen: p.gen,
      deliveryId: d._id,
      listId: d.listId,
      to: d.email,
      ...(d.name ? { name: d.name } : {}),
      lang: d.lang,
    },
  });
  /** Enqueues the collected jobs once the queue is below its high-water mark; false = stop. */
  const dispatch = async (): Promise<boolean> => {
    while ((await deps.backlog()) > deps.highWater) {
      if (!(await active())) return false;
      await new Promise((r) => setTimeout(r, 200));
    }
    if (!(await active())) return false;
    if (jobs.length) await ctx.producer.enqueueBulk('newsletter.send', jobs);
    enqueued += jobs.length;
    jobs = [];
    return true;
  };

  // Phase A: expansion. Each batch's new delivery records are dispatched right away, so the
  // first mails leave while the audience is still being read.
  let state = await FanoutState.findById(p.campaignId).lean<FanoutStateDoc>();
  // Only a run that started the expansion itself, in the first round, has dispatched every
  // record it wrote; any other run (a crash, a pause during the expansion, a resume) ends with
  // phase B, which finds every record without an outcome.
  let fresh = false;
  if (!state) {
    try {
      await FanoutState.create({ _id: p.campaignId, expanded: false });
      fresh = p.gen === 1;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    state = { _id: p.campaignId, expanded: false };
  }
  if (!state.expanded) {
    const query = await resolveAudience(campaign.audience);
    let batch: Sub[] = [];
    const writeBatch = async (): Promise<boolean> => {
      const blocked = await suppressedHashes(batch.map((s) => s.addressHash));
      const now = new Date();
      const docs: DeliveryDoc[] = batch
        .filter((s) => !blocked.has(s.addressHash))
        .map((s) => ({
          _id: deliveryIdOf(p.campaignId, s.addressHash),
          campaignId: p.campaignId,
          subscriberId: s._id,
          listId: s.listId,
          email: s.email,
          name: s.name,
          lang: s.lang,
          createdAt: now,
        }));
      batch = [];
      const inserted = docs.length ? await insertIgnoringDuplicates(docs) : [];
      jobs.push(...inserted.map(jobOf));
      return dispatch();
    };
    // In the store's own order, unsorted: sorting 50,000 subscribers first (FerretDB sorts in
    // memory) would hold back the first mail by seconds. A re-run reads everything again; the
    // records it finds already written are duplicates and cost nothing but the attempt.
    const cursor = Subscriber.find(query, { _id: 1, listId: 1, email: 1, addressHash: 1, name: 1, lang: 1 })
      .lean<Sub[]>()
      .cursor({ batchSize });
    for await (const s of cursor as AsyncIterable<Sub>) {
      batch.push(s);
      if (batch.length >= batchSize && !(await writeBatch())) {
        await cursor.close();
        return 'stopped';
      }
    }
    if (batch.length && !(await writeBatch())) return 'stopped';
    const total = await Delivery.countDocuments({ campaignId: p.campaignId });
    await FanoutState.updateOne({ _id: p.campaignId }, { $set: { expanded: true, total } });
    log.info({ campaignId: p.campaignId, total, enqueued }, 'audience expanded');
    if (fresh) {
      log.info({ campaignId: p.campaignId, gen: p.gen, enqueued }, 'campaign dispatched');
      return 'dispatched';
    }
  }

  // Phase B: dispatch what has no outcome yet.
  const deliveries = sortedCursor(Delivery, { campaignId: p.campaignId }, undefined, batchSize);
  const outcomes = sortedCursor(DeliveryOutcome, { campaignId: p.campaignId }, { _id: 1 }, 1000);
  let nextOutcome = await outcomes.next();
  try {
    for (let d = await deliveries.next(); d; d = await deliveries.next()) {
      while (nextOutcome && nextOutcome._id < d._id) nextOutcome = await outcomes.next();
      if (nextOutcome && nextOutcome._id === d._id) continue;
      jobs.push(jobOf(d));
      if (jobs.length >= batchSize && !(await dispatch())) return 'stopped';
    }
    if (jobs.length && !(await dispatch())) return 'stopped';
  } finally {
    await deliveries.close();
    await outcomes.close();
  }
  log.info({ campaignId: p.campaignId, gen: p.gen, enqueued }, 'campaign dispatched');
  return 'dispatched';
}

/** Inserts unordered; returns the records that were new (duplicates are the answer, not an error). */
async function insertIgnoringDuplicates(docs: DeliveryDoc[]): Promise<DeliveryDoc[]> {
  try {
    await Delivery.collection.insertMany(docs as never[], { ordered: false });
    return docs;
  } catch (err) {
    const we = writeErrorsOf(err);
    if (!we || we.some((w) => w.code !== 11000)) throw err;
    const dup = new Set(we.map((w) => w.index));
    return docs.filter((_d, i) => !dup.has(i));
  }
}

/**
 * An `_id`-ordered cursor that reopens after the last `_id` it returned if the server drops it
 * (a dispatch held back by the rate limit can idle longer than a cursor lives).
 */
function sortedCursor<T extends { _id: string }>(
  model: Model<T>,
  query: Record<string, unknown>,
  projection: Record<string, 1> | undefined,
  batchSize: number,
) {
  let last: string | undefined;
  let cur: Cursor<T> | undefined;
  const open = () => {
    const q = last === undefined ? query : { ...query, _id: op({ $gt: last }) };
    cur = model.find(q, projection).sort({ _id: 1 }).lean<T>().cursor({ batchSize }) as unknown as Cursor<T>;
  };
  return {
    async next(): Promise<T | undefined> {
      for (let attempt = 0; ; attempt++) {
        if (!cur) open();
        try {
          const v = (await cur!.next()) as T | null;
          if (!v) return undefined;
          last = v._id;
          return v;
        } catch (err) {
          if (attempt >= 2) throw err;
          await cur?.close().catch(() => undefined);
          cur = undefined;
        }
      }
    },
    async close(): Promise<void> {
      await cur?.close().catch(() => undefined);
    },
  };
}
