import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { Alert, MatchRun, Subscription, tokenHashes, toStoredMatch, type SubscriptionDoc } from '@qn/funding';
import { addressHash } from '@qn/mail';
import { listMail, waitForMail } from '@qn/testing';
import { admin, programmeBody, startFundingStack, type FundingStack } from './support/funding-stack';

/**
 * The worker is killed (SIGKILL, no shutdown) in the middle of fanning a published programme
 * out to its subscribers, and a new worker on the same queue finishes the job: every
 * subscriber gets exactly one alert, nobody two.
 */
const N = 200;
// The doomed worker holds its job lock for 2 s only, so the job is free soon after the kill;
// the survivors keep the default 30 s lock (a short one under load would let a slow but live
// job be taken for stalled and run twice) and look for stalled jobs every second.
const childEnv = { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };
const env = { WORKER_STALLED_INTERVAL_MS: '1000' };
let s: FundingStack;
let child: ChildProcess | undefined;
const tag = Date.now().toString(36);

beforeAll(async () => {
  s = await startFundingStack('fkill', { workers: false, env });
  const now = new Date();
  const docs: SubscriptionDoc[] = [];
  for (let i = 0; i < N; i++) {
    const base = { _id: `k${tag}${i}`, tokenSalt: `salt${i}` };
    const email = `kill-${i}-${tag}@example.org`;
    docs.push({
      ...base,
      ...tokenHashes(base, s.config.SECRET_KEY),
      email,
      emailHash: addressHash(email, s.config.SECRET_KEY),
      status: 'confirmed',
      match: toStoredMatch({}),
      keywords: [],
      frequency: 'immediate',
      reminders: true,
      consent: {
        textVersion: 'test',
        requestedAt: now,
        filters: {},
        frequency: 'immediate',
        reminders: true,
        confirmedAt: now,
      },
      confirmedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  }
  await Subscription.collection.insertMany(docs as never[]);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await s.stop();
});

it('mails each subscriber exactly once when the worker is killed mid-batch and restarted', async () => {
  const title = `Neustart-Test ${tag}`;
  const created = await request(s.server)
    .post('/api/funding/programmes')
    .set(admin)
    .send(programmeBody({ title }));
  await request(s.server).post(`/api/funding/programmes/${created.body.id}/publish`).set(admin);

  child = fork(join(__dirname, 'support/alerts-worker-child.ts'), [], {
    execArgv: ['-r', join(__dirname, 'support/ts-register.js')],
    env: {
      ...process.env,
      QN_CHILD_DB: s.config.MONGODB_URL.split('/').pop()!,
      QN_CHILD_ENV: JSON.stringify(childEnv),
      QN_CHILD_BATCH: '10',
    },
    stdio: 'inherit',
  });
  const killed = new Promise((r) => child!.once('exit', r));
  while ((await Alert.countDocuments()) === 0) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGKILL');
  await killed;
  child = undefined;
  const recordedBeforeRestart = await Alert.countDocuments();
  expect(recordedBeforeRestart).toBeGreaterThan(0);
  expect(recordedBeforeRestart).toBeLessThan(N); // it really died in the middle

  s.startWorkers(); // a new process would do the same: same queue, same database
  await waitForMail({ subject: title }, { count: N, timeoutMs: 150_000 });
  await new Promise((r) => setTimeout(r, 2_000)); // room for a duplicate to show up
  const mails = await listMail({ subject: title });
  const perRecipient = new Map<string, number>();
  for (const m of mails) perRecipient.set(m.envelope.to[0]!, (perRecipient.get(m.envelope.to[0]!) ?? 0) + 1);
  expect(mails).toHaveLength(N);
  expect(perRecipient.size).toBe(N);
  expect(await Alert.countDocuments({ status: 'sent' })).toBe(N);
  expect(await MatchRun.findById(`${created.body.id}:published`).lean()).toMatchObject({ matched: N });
}, 240_000);
