import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { connectDb } from '@qn/db';
import {
  Alert,
  applyMatchIndexChanges,
  confirmSubscription,
  indexedStateOf,
  mailContextOf,
  MATCH_INDEX_DIMENSIONS,
  matchProgramme,
  MatchIndexChange,
  Programme,
  readMatchIndex,
  rebuildMatchIndex,
  requestSubscription,
  sendAlert,
  Subscription,
  subscriptionToken,
  unsubscribe,
  updateManagedSubscription,
  type MatchIndex,
  type MatchIndexContents,
  type SubscriptionDoc,
  type SubscriptionFilters,
} from '@qn/funding';
import { addressHash } from '@qn/mail';
import { holderByKey } from '@qn/privacy';
import { Producer, QueueName } from '@qn/queue';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';

/**
 * The Redis match index (docs/adr/0006) on the real FerretDB and Redis: it follows every domain
 * write, a flushed index is rebuilt before matching, a stale entry causes no wrong alert, and
 * concurrent changes with a rebuild running end consistent with the database.
 */
const config = testConfig(uniqueName('fmidx'));
const secret = config.SECRET_KEY;
let redis: Redis;
let producer: Producer;
let ix: MatchIndex;
const tag = Date.now().toString(36);
let n = 0;

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
  redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  producer = new Producer(redis, config.QUEUE_PREFIX);
  ix = { redis, prefix: config.QUEUE_PREFIX };
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  await producer.close();
  redis.disconnect();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

type Made = { id: string; email: string; token: (p: 'confirm' | 'manage' | 'unsubscribe') => string };

/** A sign-up through the domain function (its confirmation mail just waits in the queue). */
async function signUp(filters: SubscriptionFilters, opts: { email?: string } = {}): Promise<Made> {
  const email = opts.email ?? `mi-${tag}-${n++}@example.org`;
  await requestSubscription({
    input: { email, filters, frequency: 'immediate', reminders: true },
    producer,
    mail: mailContextOf(config),
    settings: { pendingTtlHours: 72, maxPendingPerAddress: 3 },
  });
  const sub = await Subscription.findOne({ email, status: 'pending' }, { _id: 1, tokenSalt: 1 }).lean();
  const base = { _id: sub!._id, tokenSalt: sub!.tokenSalt };
  return { id: base._id, email, token: (p) => subscriptionToken(p, base, secret) };
}

async function confirmed(filters: SubscriptionFilters): Promise<Made> {
  const m = await signUp(filters);
  await confirmSubscription({ token: m.token('confirm'), secret });
  return m;
}

/** What the index must hold, derived from the database alone. */
async function expectedFromDb(): Promise<MatchIndexContents['subscriptions']> {
  const subs = await Subscription.find({ status: 'confirmed' }).lean<SubscriptionDoc[]>();
  const out: MatchIndexContents['subscriptions'] = {};
  for (const s of subs) {
    const state = indexedStateOf(s)!;
    const sets = MATCH_INDEX_DIMENSIONS.flatMap((d) => s.match[d].map((v) => `${d}:${v}`));
    if (s.reminders) sets.push('reminders');
    out[s._id] = { state, sets: sets.sort() };
  }
  return out;
}

async function expectConsistent(): Promise<void> {
  const got = await readMatchIndex(ix);
  expect(got.generation).not.toBeNull();
  expect(got.subscriptions).toEqual(await expectedFromDb());
}

async function flushIndexKeys(): Promise<void> {
  const keys = await redis.keys(`${config.QUEUE_PREFIX}:funding:match-index:*`);
  if (keys.length) await redis.del(...keys);
}

async function publishedProgramme(over: Record<string, unknown> = {}): Promise<string> {
  const id = `p${tag}${n++}`;
  const now = new Date();
  await Programme.collection.insertOne({
    _id: id,
    title: 'Quartiersimpulse',
    provider: 'land',
    providerName: 'Land',
    summary: 'Förderung von Quartiersprojekten',
    description: '',
    fieldsOfAction: ['teilhabe', 'engagement'],
    applicantTypes: ['kommune', 'verein'],
    region: { scope: 'state', municipalities: [] },
    deadlines: ['2099-03-31'],
    links: [],
    status: 'published',
    searchText: 'quartiersimpulse forderung von quartiersprojekten',
    createdAt: now,
    updatedAt: now,
    ...over,
  } as never);
  return id;
}

async function alertedSubscriptions(programmeId: string, reason: string): Promise<string[]> {
  const alerts = await Alert.find({ programmeId, reason }, { subscriptionId: 1 }).lean();
  return alerts.map((a) => a.subscriptionId).sort();
}

describe('the match index follows the domain writes', () => {
  it('holds confirmed subscriptions only, and follows confirm, filter change, unsubscribe and erasure', async () => {
    const a = await signUp({ fieldsOfAction: ['teilhabe'] });
    const b = await signUp({});
    const c = await signUp({ municipalities: ['koengen'], keywords: ['Impuls'] });
    await applyMatchIndexChanges(ix);
    expect(Object.keys((await readMatchIndex(ix)).subscriptions)).toEqual([]);

    for (const m of [a, b, c]) await confirmSubscription({ token: m.token('confirm'), secret });
    await applyMatchIndexChanges(ix);
    expect(Object.keys((await readMatchIndex(ix)).subscriptions).sort()).toEqual([a.id, b.id, c.id].sort());
    await expectConsistent();
    expect((await readMatchIndex(ix)).subscriptions[a.id]!.sets).toContain('fieldsOfAction:teilhabe');

    await updateManagedSubscription({
      token: b.token('manage'),
      patch: { filters: { providers: ['bund'] }, reminders: false, frequency: 'weekly' },
    });
    await applyMatchIndexChanges(ix);
    await expectConsistent();
    const bSets = (await readMatchIndex(ix)).subscriptions[b.id]!.sets;
    expect(bSets).toContain('providers:bund');
    expect(bSets).not.toContain('providers:*');
    expect(bSets).not.toContain('reminders');

    await unsubscribe({ token: c.token('unsubscribe') });
    await applyMatchIndexChanges(ix);
    expect((await readMatchIndex(ix)).subscriptions[c.id]).toBeUndefined();
    await expectConsistent();

    // Erasure applies its removal itself when it has Redis: no later match is needed for the
    // subscription (with its address hash and keywords) to leave the index.
    const holder = holderByKey('funding.subscriptions')!;
    await holder.erase({
      email: a.email,
      tokens: [],
      addressHash: addressHash(a.email, secret),
      config,
      linked: new Map(),
      redis,
    });
    const after = await readMatchIndex(ix);
    expect(after.subscriptions[a.id]).toBeUndefined();
    expect(JSON.stringify(after)).not.toContain(addressHash(a.email, secret));
    await expectConsistent();
    expect(await MatchIndexChange.countDocuments()).toBe(0);
  });

  it('a confirmation replacing an earlier subscription of the same address removes the old one', async () => {
    const first = await confirmed({ fieldsOfAction: ['wohnen'] });
    const again = await signUp({ fieldsOfAction: ['mobilitaet'] }, { email: first.email });
    await Subscription.updateOne(
      { _id: again.id },
      { $set: { emailHash: addressHash(first.email, secret) } },
    );
    await confirmSubscription({ token: again.token('confirm'), secret });
    await applyMatchIndexChanges(ix);
    const subs = (await readMatchIndex(ix)).subscriptions;
    expect(subs[first.id]).toBeUndefined();
    expect(subs[again.id]!.sets).toContain('fieldsOfAction:mobilitaet');
    await expectConsistent();
  });
});

describe('matching through the index', () => {
  const filterMix: SubscriptionFilters[] = [
    {},
    { fieldsOfAction: ['teilhabe'] },
    { fieldsOfAction: ['wohnen'] },
    { fieldsOfAction: ['wohnen', 'engagement'], providers: ['land', 'eu'] },
    { applicantTypes: ['kommune'] },
    { applicantTypes: ['wohlfahrt'] },
    { municipalities: ['koengen'] },
    { municipalities: ['aichtal'] },
    { providers: ['bund'] },
    { keywords: ['quartiersprojekten'] },
    { keywords: ['raumfahrt'] },
    { fieldsOfAction: ['engagement'], applicantTypes: ['verein'], municipalities: ['koengen'] },
  ];

  it('gives the same result after the index keys are flushed (rebuilt first) as with the database query', async () => {
    for (const f of filterMix) for (let i = 0; i < 3; i++) await confirmed(f);
    const regional = await publishedProgramme({
      region: { scope: 'municipalities', municipalities: ['koengen', 'nuertingen'] },
    });
    const run = (reason: string, index?: MatchIndex) =>
      matchProgramme({ request: { programmeId: regional, reason, kind: 'published' }, producer, index });

    const viaIndex = await run('via-index', ix);
    await flushIndexKeys();
    const afterFlush = await run('after-flush', ix);
    const viaDb = await run('via-database');
    const expected = await alertedSubscriptions(regional, 'via-database');

    expect(expected.length).toBeGreaterThan(10);
    expect(await alertedSubscriptions(regional, 'via-index')).toEqual(expected);
    expect(await alertedSubscriptions(regional, 'after-flush')).toEqual(expected);
    expect([viaIndex.matched, afterFlush.matched]).toEqual([viaDb.matched, viaDb.matched]);
    expect((await readMatchIndex(ix)).generation).not.toBeNull();
    await expectConsistent();

    // Reminders: only subscribers who want them.
    const noReminders = await confirmed({ fieldsOfAction: ['teilhabe'] });
    await updateManagedSubscription({ token: noReminders.token('manage'), patch: { reminders: false } });
    const state = await publishedProgramme();
    await matchProgramme({
      request: { programmeId: state, reason: 'reminder-2099-03-31-3', kind: 'reminder', daysBefore: 3 },
      producer,
      index: ix,
    });
    await matchProgramme({
      request: { programmeId: state, reason: 'reminder-db', kind: 'reminder', daysBefore: 3 },
      producer,
    });
    const reminded = await alertedSubscriptions(state, 'reminder-2099-03-31-3');
    expect(reminded).not.toContain(noReminders.id);
    expect(reminded).toEqual(await alertedSubscriptions(state, 'reminder-db'));
  });

  it('a stale index entry (database changed, index not) causes no wrong alert', async () => {
    const narrowed = await confirmed({ fieldsOfAction: ['teilhabe'] });
    const ended = await confirmed({});
    await applyMatchIndexChanges(ix);
    // Behind the domain functions' back, as a crash between the write and its outbox entry would.
    await Subscription.updateOne({ _id: narrowed.id }, { $set: { 'match.fieldsOfAction': ['wohnen'] } });
    await Subscription.updateOne({ _id: ended.id }, { $set: { status: 'unsubscribed' } });
    expect(await MatchIndexChange.countDocuments()).toBe(0);

    const programmeId = await publishedProgramme();
    await matchProgramme({
      request: { programmeId, reason: 'stale', kind: 'published' },
      producer,
      index: ix,
    });
    // The index proposed both (it still holds their old state); the send-time check drops them.
    expect(await alertedSubscriptions(programmeId, 'stale')).toEqual(
      expect.arrayContaining([narrowed.id, ended.id]),
    );
    const mailQueue = producer.queue(QueueName.mail);
    const before = await mailQueue.count();
    for (const m of [narrowed, ended]) {
      const outcome = await sendAlert({
        subscriptionId: m.id,
        programmeId,
        reason: 'stale',
        kind: 'published',
        producer,
        mail: mailContextOf(config),
      });
      expect(outcome).toBe('skipped');
      expect((await Alert.findById(`${m.id}:${programmeId}:stale`).lean())!.status).toBe('skipped');
    }
    expect(await mailQueue.count()).toBe(before);

    // The nightly rebuild repairs the index.
    await rebuildMatchIndex(ix);
    await expectConsistent();
    const subs = (await readMatchIndex(ix)).subscriptions;
    expect(subs[ended.id]).toBeUndefined();
    expect(subs[narrowed.id]!.sets).toContain('fieldsOfAction:wohnen');
  });
});

describe('concurrency', () => {
  it('concurrent filter changes with a rebuild running end consistent with the database', async () => {
    const subs = await Promise.all(Array.from({ length: 24 }, () => confirmed({})));
    await applyMatchIndexChanges(ix);
    const choices: SubscriptionFilters[] = [
      { fieldsOfAction: ['wohnen'] },
      { applicantTypes: ['verein'], municipalities: ['aichtal'] },
      { providers: ['eu', 'bund'] },
      {},
      { fieldsOfAction: ['teilhabe', 'mobilitaet'], keywords: ['digital'] },
    ];
    const changes = subs.map(async (m, i) => {
      for (let k = 0; k < 3; k++)
        await updateManagedSubscription({
          token: m.token('manage'),
          patch: { filters: choices[(i + k) % choices.length]!, reminders: (i + k) % 2 === 0 },
        });
      if (i % 6 === 0) await unsubscribe({ token: m.token('unsubscribe') });
    });
    const rebuilds = [rebuildMatchIndex(ix), applyMatchIndexChanges(ix), rebuildMatchIndex(ix)];
    await Promise.all([...changes, ...rebuilds]);
    // Whatever interleaving happened, applying what is left of the outbox lands on the database state.
    await applyMatchIndexChanges(ix);
    await expectConsistent();
    expect(await MatchIndexChange.countDocuments()).toBe(0);
  });
});
