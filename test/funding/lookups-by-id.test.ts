import request from 'supertest';
import { QueueName } from '@qn/queue';
import { addressHash } from '@qn/mail';
import { holderByKey, type HolderContext } from '@qn/privacy';
import {
  addressKeysComplete,
  backfillAddressKeys,
  fundingSettings,
  listAddressKeys,
  LookupBackfill,
  mailContextOf,
  requestSubscription,
  sendAlert,
  Subscription,
  SubscriptionAddressKey,
  subscriptionToken,
  type SubscriptionDoc,
} from '@qn/funding';
import { admin, programmeBody, startFundingStack, type FundingStack } from './support/funding-stack';
import { notById as notByIdAt, queriesDuring, type LoggedQuery } from '@qn/testing';
import { address } from './support/subscribers';

/** Funding programmes are a few hundred: not counted. */
const notById = (queries: LoggedQuery[], small: string[] = []) =>
  notByIdAt(queries, ['funding_programmes', ...small]);

/**
 * FerretDB 1.24's SQLite handler reads the whole collection for any filter but exactly
 * `{_id: <string>}` (docs/adr/0009). Each public and worker hot path of funding alerts is run
 * here with mongoose's query log on: its answer is what it always was, and every filter it sends
 * to a large collection is by `_id`. No workers run in this process, so the log is the path's own.
 */
let s: FundingStack;
const SUBSCRIBE_ANSWER = { status: 'pending' };

beforeAll(async () => {
  s = await startFundingStack('flookups', {
    workers: false,
    settings: { maxPendingPerAddress: 1 },
    env: { RATE_LIMIT_PER_EMAIL: '1000', RATE_LIMIT_PER_IP: '1000' },
  });
  // Some other subscribers, so no path finds the right one by accident.
  for (let i = 0; i < 20; i++) await signUp(address('other'));
  expect(await backfillAddressKeys()).toMatchObject({ skipped: false });
  expect(await addressKeysComplete()).toBe(true);
});
afterAll(() => s.stop());

const api = () => request(s.server);
const signUp = (email: string, body: Record<string, unknown> = {}) =>
  api()
    .post('/api/funding/subscriptions')
    .send({ email, consent: true, filters: { fieldsOfAction: ['wohnen'] }, ...body });
const subsOf = async (email: string) =>
  Subscription.find({ email }).sort({ createdAt: 1 }).lean<SubscriptionDoc[]>();
const token = (purpose: 'confirm' | 'manage' | 'unsubscribe', sub: SubscriptionDoc) =>
  subscriptionToken(purpose, sub, s.config.SECRET_KEY);

/** Confirmation mails queued for the address (no mailer runs here). */
async function confirmationJobs(email: string): Promise<number> {
  const jobs = await s.rt.producer.queue(QueueName.mail).getJobs(['waiting', 'prioritized', 'delayed']);
  return jobs.filter((j) => {
    const p = (j.data as { payload?: { to?: string; kind?: string } }).payload;
    return p?.to === email && p.kind === 'funding-confirm';
  }).length;
}

async function confirmed(email: string, body: Record<string, unknown> = {}): Promise<SubscriptionDoc> {
  expect((await signUp(email, body)).status).toBe(202);
  const sub = (await subsOf(email)).at(-1)!;
  expect((await api().post(`/api/funding/subscriptions/confirm/${token('confirm', sub)}`)).status).toBe(200);
  return (await Subscription.findById(sub._id).lean<SubscriptionDoc>())!;
}

describe('funding hot paths filter by _id only', () => {
  it('sign-up: a new and a known address get the same answer, by _id reads and inserts', async () => {
    const email = address('signup');
    const first = await queriesDuring(() => signUp(email));
    expect(first.result.status).toBe(202);
    expect(first.result.body).toMatchObject(SUBSCRIBE_ANSWER);
    expect(notById(first.queries)).toEqual([]);
    // It did look: its address keys and the suppression list, by `_id`.
    expect(first.queries.map((q) => q.collection)).toEqual(
      expect.arrayContaining(['funding_subscription_address_keys', 'suppressions']),
    );
    const [sub] = await subsOf(email);
    expect(sub).toMatchObject({ status: 'pending', match: { fieldsOfAction: ['wohnen'] } });
    expect(await listAddressKeys(addressHash(email, s.config.SECRET_KEY))).toEqual([
      expect.objectContaining({
        _id: `${addressHash(email, s.config.SECRET_KEY)}:0`,
        subscriptionId: sub!._id,
      }),
    ]);

    // Known, over the (test's) limit of one unconfirmed sign-up: same answer, nothing new.
    const again = await queriesDuring(() => signUp(email, { filters: { fieldsOfAction: ['pflege'] } }));
    expect(again.result.status).toBe(202);
    expect(again.result.body).toEqual(first.result.body);
    expect(notById(again.queries)).toEqual([]);
    expect(await subsOf(email)).toHaveLength(1);
    expect(await confirmationJobs(email)).toBe(1);
  });

  it('confirm: page and button by _id; the earlier subscription of the address ends', async () => {
    const email = address('confirm');
    const old = await confirmed(email);
    expect((await signUp(email, { filters: { fieldsOfAction: ['mobilitaet'] } })).status).toBe(202);
    const next = (await subsOf(email)).at(-1)!;
    const url = `/api/funding/subscriptions/confirm/${token('confirm', next)}`;
    const page = await queriesDuring(() => api().get(url).set('Accept', 'text/html'));
    expect(page.result.status).toBe(200);
    expect(page.result.text).toContain(email);
    expect(notById(page.queries)).toEqual([]);

    const press = await queriesDuring(() => api().post(url));
    expect(press.result.status).toBe(200);
    expect(press.result.body).toEqual({ status: 'confirmed' });
    expect(notById(press.queries)).toEqual([]);
    expect((await subsOf(email)).map((x) => [x._id, x.status, x.endedReason])).toEqual([
      [old._id, 'ended', 'replaced'],
      [next._id, 'confirmed', undefined],
    ]);
  });

  it('manage: show, change by JSON and by form, by _id', async () => {
    const sub = await confirmed(address('manage'));
    const url = `/api/funding/subscriptions/manage/${token('manage', sub)}`;
    const shown = await queriesDuring(() => api().get(url));
    expect(shown.result.status).toBe(200);
    expect(shown.result.body).toMatchObject({ status: 'confirmed', filters: { fieldsOfAction: ['wohnen'] } });
    const patched = await queriesDuring(() => api().patch(url).send({ frequency: 'weekly' }));
    expect(patched.result.status).toBe(200);
    expect(patched.result.body).toMatchObject({ frequency: 'weekly' });
    const form = await queriesDuring(() =>
      api().post(url).type('form').send('providers=land&frequency=immediate&reminders=on'),
    );
    expect(form.result.status).toBe(200);
    for (const q of [shown, patched, form]) expect(notById(q.queries)).toEqual([]);
    expect((await Subscription.findById(sub._id).lean())!.match.providers).toEqual(['land']);
  });

  it('unsubscribe: the page, the one-click POST and the manage link’s DELETE, by _id', async () => {
    const sub = await confirmed(address('unsub'));
    const url = `/api/funding/unsubscribe/${token('unsubscribe', sub)}`;
    const page = await queriesDuring(() => api().get(url).set('Accept', 'text/html'));
    expect(page.result.status).toBe(200);
    const click = await queriesDuring(() => api().post(url).type('form').send('List-Unsubscribe=One-Click'));
    expect(click.result.body).toEqual({ status: 'unsubscribed' });
    for (const q of [page, click]) expect(notById(q.queries)).toEqual([]);

    const other = await confirmed(address('unsub-manage'));
    const del = await queriesDuring(() =>
      api().delete(`/api/funding/subscriptions/manage/${token('manage', other)}`),
    );
    expect(del.result.body).toEqual({ status: 'unsubscribed' });
    expect(notById(del.queries)).toEqual([]);
  });

  it('an immediate alert: subscription, suppression and alert record by _id', async () => {
    const sub = await confirmed(address('alert'));
    const created = await api()
      .post('/api/funding/programmes')
      .set(admin)
      .send(programmeBody({ fieldsOfAction: ['wohnen'] }));
    expect(created.status).toBe(201);
    const programmeId = created.body.id as string;
    expect((await api().post(`/api/funding/programmes/${programmeId}/publish`).set(admin)).status).toBe(200);
    const mail = mailContextOf(s.config);
    const sent = await queriesDuring(() =>
      sendAlert({
        subscriptionId: sub._id,
        programmeId,
        reason: 'lookup-test',
        kind: 'published',
        producer: s.rt.producer,
        mail,
      }),
    );
    expect(sent.result).toBe('sent');
    expect(notById(sent.queries)).toEqual([]);
  });

  it('privacy: the funding holder finds and erases an address’s subscriptions by _id', async () => {
    const email = address('privacy');
    const sub = await confirmed(email);
    const holder = holderByKey('funding.subscriptions')!;
    const ctx: HolderContext = {
      email,
      tokens: [],
      addressHash: addressHash(email, s.config.SECRET_KEY),
      config: s.config,
      linked: new Map(),
    };
    const found = await queriesDuring(() => holder.find(ctx));
    expect(found.result).toEqual([expect.objectContaining({ id: sub._id, email, status: 'confirmed' })]);
    expect(JSON.stringify(found.result)).not.toMatch(/TokenHash|tokenSalt|emailHash/);
    expect(notById(found.queries)).toEqual([]);

    const erased = await queriesDuring(() => holder.erase(ctx));
    expect(erased.result).toEqual({ deleted: 0, anonymised: 1 });
    // The match index's outbox is transient (drained by every match, docs/adr/0006): erasure
    // drops the person's entries from it with one bounded read, the only one here.
    expect(notById(erased.queries, ['funding_match_index_changes'])).toEqual([]);
    expect(await listAddressKeys(ctx.addressHash)).toEqual([]);
    expect(await holder.erase(ctx)).toEqual({ deleted: 0, anonymised: 0 });
    expect(await holder.find(ctx)).toEqual([]);
  });
});

describe('concurrent sign-ups of one address', () => {
  it('50 at once through the API: one subscription, one key, one confirmation mail', async () => {
    const email = address('burst');
    const answers = await Promise.all(Array.from({ length: 50 }, () => signUp(email)));
    expect(new Set(answers.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).size).toBe(1);
    expect(answers[0]!.status).toBe(202);
    const subs = await subsOf(email);
    expect(subs).toHaveLength(1);
    expect(await listAddressKeys(addressHash(email, s.config.SECRET_KEY))).toHaveLength(1);
    expect(await confirmationJobs(email)).toBe(1);
  });

  it('50 at once under the default limit of three: never more, each with its key and mail', async () => {
    const email = address('burst3');
    const settings = fundingSettings();
    const mail = mailContextOf(s.config);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        requestSubscription({
          input: { email, filters: {}, frequency: 'immediate', reminders: true },
          producer: s.rt.producer,
          mail,
          settings,
        }),
      ),
    );
    const subs = await subsOf(email);
    expect(subs.length).toBeGreaterThanOrEqual(1);
    expect(subs.length).toBeLessThanOrEqual(settings.maxPendingPerAddress);
    const keys = await listAddressKeys(addressHash(email, s.config.SECRET_KEY));
    expect(keys.map((k) => k.subscriptionId).sort()).toEqual(subs.map((x) => x._id).sort());
    expect(await confirmationJobs(email)).toBe(subs.length);
  });
});

describe('subscriptions from before address keys', () => {
  it('are found by the fallback until the backfill ran, and by their keys after it', async () => {
    const email = address('legacy');
    const old = await confirmed(email);
    // As an older version left it: the subscription without its address key, no marker yet.
    await SubscriptionAddressKey.deleteOne({ _id: `${old.emailHash}:0` });
    await LookupBackfill.deleteMany({});
    expect(await addressKeysComplete()).toBe(false);

    // A new sign-up and its confirmation still end the old subscription (the fallback finds it).
    expect((await signUp(email, { filters: { fieldsOfAction: ['pflege'] } })).status).toBe(202);
    const next = (await subsOf(email)).at(-1)!;
    expect((await api().post(`/api/funding/subscriptions/confirm/${token('confirm', next)}`)).status).toBe(
      200,
    );
    expect((await Subscription.findById(old._id).lean())!.status).toBe('ended');

    // The backfill gives the old record its key, once; a second pass adds nothing.
    expect(await backfillAddressKeys()).toEqual({ added: 1, skipped: false });
    expect((await listAddressKeys(old.emailHash)).map((k) => k.subscriptionId)).toEqual([next._id, old._id]);
    expect(await backfillAddressKeys()).toEqual({ added: 0, skipped: true });
    await LookupBackfill.deleteMany({});
    expect(await backfillAddressKeys()).toEqual({ added: 0, skipped: false });
  });
});
