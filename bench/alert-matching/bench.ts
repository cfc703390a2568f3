/**
 * bench/alert-matching: publish → all alert jobs enqueued, for N confirmed subscriptions with
 * a realistic mix of filters. "ours" is matchProgramme with the Redis match index (candidates
 * by set operations inside Redis, popped in batches, re-checked, batched alert inserts and
 * enqueueBulk; docs/adr/0006); "naive" loads every confirmed subscription into
 * memory and filters in JavaScript, then records and enqueues the same way. Trials alternate
 * in one run on the same FerretDB and Redis; figures are medians. The index is built once per
 * size from the database (the rebuild a worker runs after Redis lost it), timed on its own. Own FerretDB state dir,
 * database and queue prefix; everything is removed at the end.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { connectDb, ensureIndexes } from '@qn/db';
import { ACTOR_TYPES, FIELDS_OF_ACTION, FUNDING_PROVIDERS, MUNICIPALITY_KEYS } from '@qn/domain';
import {
  ANY,
  Alert,
  alertId,
  createProgramme,
  keywordsMatch,
  matchProgramme,
  Programme,
  rebuildMatchIndex,
  Subscription,
  type MatchIndex,
  type ProgrammeDoc,
  type SubscriptionDoc,
} from '@qn/funding';
import { Producer, QueueName } from '@qn/queue';
import { startFerretDb, repoRoot } from '@qn/infra';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [10_000, 100_000];
const TRIALS = Number(process.env.TRIALS ?? 3);
const prefix = `bench-am-${process.pid}`;

let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: readonly T[], n: number) => [
  ...new Set(Array.from({ length: n }, () => a[Math.floor(rnd() * a.length)]!)),
];
const dim = (keys: readonly string[], anyShare: number, max: number) =>
  rnd() < anyShare ? [ANY] : pick(keys, 1 + Math.floor(rnd() * max));

function subscription(i: number): SubscriptionDoc {
  const now = new Date();
  return {
    _id: `b${i}`,
    email: `bench-${i}@example.org`,
    emailHash: `h${i}`,
    status: rnd() < 0.9 ? 'confirmed' : 'pending',
    match: {
      fieldsOfAction: dim(
        FIELDS_OF_ACTION.map((f) => f.key),
        0.3,
        3,
      ),
      applicantTypes: dim(
        ACTOR_TYPES.map((a) => a.key),
        0.35,
        2,
      ),
      municipalities: dim(MUNICIPALITY_KEYS, 0.5, 2),
      providers: dim(
        FUNDING_PROVIDERS.map((p) => p.key),
        0.7,
        2,
      ),
    },
    keywords:
      rnd() < 0.1 ? pick(['quartier', 'pflege', 'digital', 'begegnung', 'mobilitaet', 'wohnen'], 1) : [],
    frequency: rnd() < 0.7 ? 'immediate' : 'weekly',
    reminders: rnd() < 0.8,
    tokenSalt: 's',
    confirmTokenHash: `c${i}`,
    manageTokenHash: `m${i}`,
    unsubscribeTokenHash: `u${i}`,
    consent: { textVersion: 'bench', requestedAt: now, filters: {}, frequency: 'immediate', reminders: true },
    createdAt: now,
    updatedAt: now,
  };
}

/** The baseline: everything into memory, filter in JS, then the same recording and enqueueing. */
async function naiveMatch(p: ProgrammeDoc, reason: string, producer: Producer): Promise<number> {
  const all = await Subscription.find({ status: 'confirmed' }).lean<SubscriptionDoc[]>();
  const has = (a: string[], keys: string[]) => a.includes(ANY) || a.some((k) => keys.includes(k));
  const matched = all.filter(
    (s) =>
      has(s.match.fieldsOfAction, p.fieldsOfAction) &&
      has(s.match.applicantTypes, p.applicantTypes) &&
      has(s.match.providers, [p.provider]) &&
      (p.region.scope !== 'municipalities' || has(s.match.municipalities, p.region.municipalities)) &&
      keywordsMatch(s.keywords, p.searchText),
  );
  for (let i = 0; i < matched.length; i += 500) {
    const docs = matched.slice(i, i + 500).map((s) => ({
      _id: alertId(s._id, p._id, reason),
      subscriptionId: s._id,
      programmeId: p._id,
      reason,
      kind: 'published',
      mode: s.frequency === 'weekly' ? 'digest' : 'immediate',
      status: 'pending',
      createdAt: new Date(),
    }));
    await Alert.collection.insertMany(docs as never[], { ordered: false });
    await producer.enqueueBulk(
      'funding.send-alert',
      docs
        .filter((d) => d.mode === 'immediate')
        .map((d) => ({
          payload: {
            subscriptionId: d.subscriptionId,
            programmeId: p._id,
            reason,
            kind: 'published' as const,
          },
        })),
    );
  }
  return matched.length;
}

type Sample = { ms: number; peakRssMb: number; peakHeapMb: number; matched: number };

async function measure(fn: () => Promise<number>): Promise<Sample> {
  (global as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let peakRss = rss0;
  let peakHeap = heap0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 10);
  const t0 = performance.now();
  const matched = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  return { ms, matched, peakRssMb: (peakRss - rss0) / 2 ** 20, peakHeapMb: (peakHeap - heap0) / 2 ** 20 };
}

/**
 * The live heap: garbage collected every 100 ms, heap used sampled right after. Peak "heap used"
 * above also counts garbage not yet collected, which grows with the run's length whatever the
 * live set; this shows what is actually held. Perturbs timing, so it runs untimed.
 */
async function liveHeapPeakMb(fn: () => Promise<unknown>): Promise<number> {
  const gc = (global as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 100);
  await fn();
  clearInterval(timer);
  return (peak - heap0) / 2 ** 20;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

async function main() {
  const stateDir = join(repoRoot, '.data', `bench-alert-matching-${process.pid}`);
  mkdirSync(stateDir, { recursive: true });
  const ferret = await startFerretDb({ stateDir });
  await connectDb({ url: `${ferret.url}/bench_alert_matching`, poolSize: 10 });
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const producer = new Producer(redis, prefix);
  const index: MatchIndex = { redis, prefix };
  const redisMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
  const rows: string[] = [];
  // Where each trial's time goes: time spent inside the shared recording steps (summed over
  // batches; ours overlaps them, so its sum can exceed its wall time).
  const spent: Record<string, number> = {};
  const timed =
    <A extends unknown[], R>(label: string, fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await fn(...a);
      } finally {
        spent[label] = (spent[label] ?? 0) + performance.now() - t0;
      }
    };
  const alerts = Alert.collection;
  alerts.insertMany = timed('alertInsertMs', alerts.insertMany.bind(alerts)) as typeof alerts.insertMany;
  producer.enqueueBulk = timed(
    'enqueueMs',
    producer.enqueueBulk.bind(producer),
  ) as typeof producer.enqueueBulk;
  try {
    for (const n of SIZES) {
      await mongoose.connection.dropDatabase();
      await ensureIndexes();
      for (let i = 0; i < n; i += 1000)
        await Subscription.collection.insertMany(
          Array.from({ length: Math.min(1000, n - i) }, (_, j) => subscription(i + j)) as never[],
        );
      const confirmed = await Subscription.countDocuments({ status: 'confirmed' });
      const mem0 = await redisMemory();
      const rebuild = await measure(async () => (await rebuildMatchIndex(index)).subscriptions);
      const indexMb = ((await redisMemory()) - mem0) / 2 ** 20;
      const rebuildLive = await liveHeapPeakMb(() => rebuildMatchIndex(index));
      console.log(
        n,
        'rebuild',
        JSON.stringify(rebuild),
        `index ${indexMb.toFixed(1)} MB in Redis, live heap peak ${rebuildLive.toFixed(1)} MB`,
      );
      const p = await createProgramme({
        id: 'bench-programme',
        input: {
          title: 'Quartiersimpulse – Beratung und Begleitung',
          provider: 'land',
          providerName: 'Ministerium für Soziales, Gesundheit und Integration',
          summary: 'Förderung alternsgerechter Quartiere: Beteiligung, Vernetzung, Begegnung.',
          fieldsOfAction: ['teilhabe', 'engagement'],
          applicantTypes: ['kommune', 'verein'],
          region: { scope: 'state' },
          deadlines: ['2099-03-31'],
          links: [{ label: 'Ausschreibung', url: 'https://example.org/x' }],
        },
      });
      await Programme.updateOne({ _id: p._id }, { $set: { status: 'published' } });
      const programme = (await Programme.findById(p._id).lean<ProgrammeDoc>())!;
      const ours: Sample[] = [];
      const naive: Sample[] = [];
      for (let t = 0; t < TRIALS; t++) {
        for (const kind of t % 2 === 0 ? (['ours', 'naive'] as const) : (['naive', 'ours'] as const)) {
          await Alert.deleteMany({});
          await producer.queue(QueueName.alerts).obliterate({ force: true });
          const reason = `bench-${kind}-${t}`;
          for (const k of Object.keys(spent)) delete spent[k];
          const s =
            kind === 'ours'
              ? await measure(
                  async () =>
                    (
                      await matchProgramme({
                        request: { programmeId: p._id, reason, kind: 'published' },
                        producer,
                        index,
                      })
                    ).matched,
                )
              : await measure(() => naiveMatch(programme, reason, producer));
          (kind === 'ours' ? ours : naive).push(s);
          console.log(n, kind, t, JSON.stringify({ ...s, ...spent }));
        }
      }
      await Alert.deleteMany({});
      await producer.queue(QueueName.alerts).obliterate({ force: true });
      const oursLive = await liveHeapPeakMb(() =>
        matchProgramme({
          request: { programmeId: p._id, reason: 'bench-live', kind: 'published' },
          producer,
          index,
        }),
      );
      console.log(n, 'ours live heap peak', oursLive.toFixed(1), 'MB');
      const o = {
        ms: median(ours.map((s) => s.ms)),
        rss: median(ours.map((s) => s.peakRssMb)),
        heap: median(ours.map((s) => s.peakHeapMb)),
      };
      const b = {
        ms: median(naive.map((s) => s.ms)),
        rss: median(naive.map((s) => s.peakRssMb)),
        heap: median(naive.map((s) => s.peakHeapMb)),
      };
      rows.push(
        `| ${n.toLocaleString('en')} | ${confirmed.toLocaleString('en')} | ${ours[0]!.matched.toLocaleString('en')} | ${(o.ms / 1000).toFixed(2)} s | ${(b.ms / 1000).toFixed(2)} s | ${(b.ms / o.ms).toFixed(1)}× | ${o.heap.toFixed(0)} / ${o.rss.toFixed(0)} MB (live ${oursLive.toFixed(0)}) | ${b.heap.toFixed(0)} / ${b.rss.toFixed(0)} MB | ${(rebuild.ms / 1000).toFixed(1)} s, heap ${rebuild.peakHeapMb.toFixed(0)} MB (live ${rebuildLive.toFixed(0)}), ${indexMb.toFixed(0)} MB Redis |`,
      );
    }
  } finally {
    await producer
      .queue(QueueName.alerts)
      .obliterate({ force: true })
      .catch(() => {});
    await producer.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await mongoose.connection.dropDatabase().catch(() => {});
    await mongoose.disconnect();
    await ferret.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}, FerretDB 1.24.2 (SQLite), Redis on loopback`;
  const table = [
    `Run ${new Date().toISOString()} on ${machine}; ${TRIALS} alternating trials per size, medians.`,
    '',
    '| subscriptions | confirmed | matched | ours: publish → jobs enqueued | naive | naive ÷ ours | ours: peak heap / RSS growth | naive: peak heap / RSS growth | index rebuild |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  console.log(table);
  process.exit(0);
}
void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
