import mongoose from 'mongoose';
import { createLogger } from '@qn/log';
import { createRuntime, type Runtime } from '@qn/runtime';
import { QueueName } from '@qn/queue';
import { addressHash } from '@qn/mail';
import {
  CONSENT_TEXT_VERSION,
  createCampaign,
  createList,
  fanOutCampaign,
  FanoutState,
  newsletterContext,
  scheduleCampaign,
  Subscriber,
  subscriberIdOf,
  type NewsletterContext,
} from '@qn/newsletter';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';

/**
 * The fan-out dies half way through the expansion (an exception where a crash would be) and
 * runs again as its retry: every recipient ends up with exactly one send job, none twice.
 * No worker consumes the queue here, so the queue itself is the record of what was dispatched.
 */
const N = 1_300;
const config = testConfig(uniqueName('nlfan'), { LOG_LEVEL: 'silent' });
let rt: Runtime;
let ctx: NewsletterContext;

beforeAll(async () => {
  rt = await createRuntime(config, { name: 'nlfan' });
  ctx = newsletterContext(config, rt.redis, rt.producer);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await rt.close();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

it('dispatches every recipient exactly once across a crash in the expansion', async () => {
  const list = await createList({ name: 'Fan' });
  const now = new Date();
  await Subscriber.collection.insertMany(
    Array.from({ length: N }, (_, i) => {
      const email = `f${i}@example.org`;
      const hash = addressHash(email, config.SECRET_KEY);
      return {
        _id: subscriberIdOf(list._id, hash),
        listId: list._id,
        email,
        addressHash: hash,
        lang: 'de',
        status: 'confirmed',
        consent: { at: now, method: 'import', textVersion: CONSENT_TEXT_VERSION },
        attributes: { fieldsOfAction: [] },
        createdAt: now,
        updatedAt: now,
      } as never;
    }),
  );
  const c = await createCampaign(ctx, {
    name: 'f',
    subject: 'f',
    bodyMarkdown: 'x',
    audience: { listIds: [list._id] },
  });
  const { gen } = await scheduleCampaign(ctx, c._id);
  const queue = rt.producer.queue(QueueName.newsletter);
  // scheduleCampaign enqueued the fan-out job; here it is run by hand instead of by a worker.
  await queue.obliterate({ force: true });

  const log = createLogger({ level: 'silent' });
  let calls = 0;
  const crashing = {
    ctx,
    log,
    highWater: 100_000,
    batchSize: 100,
    backlog: async () => {
      if (++calls === 7) throw new Error('simulated crash');
      return 0;
    },
  };
  await expect(fanOutCampaign(crashing, { campaignId: c._id, gen })).rejects.toThrow('simulated crash');
  const partial = await queue.getJobCountByTypes('waiting');
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(N);
  expect((await FanoutState.findById(c._id).lean())!.expanded).toBe(false);

  const result = await fanOutCampaign({ ...crashing, backlog: async () => 0 }, { campaignId: c._id, gen });
  expect(result).toBe('dispatched');
  const jobs = await queue.getJobs(['waiting'], 0, N * 2);
  const ids = jobs.map((j) => (j.data as { payload: { deliveryId: string } }).payload.deliveryId);
  expect(ids).toHaveLength(N);
  expect(new Set(ids).size).toBe(N);
  expect((await FanoutState.findById(c._id).lean())!).toMatchObject({ expanded: true, total: N });
});
