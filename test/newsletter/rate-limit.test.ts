import { createNewsletterWorker } from '@qn/worker-newsletter';
import { DeliveryOutcome } from '@qn/newsletter';
import type { Worker } from 'bullmq';
import {
  admin,
  createCampaign,
  createList,
  importConsented,
  startStack,
  waitSent,
  type Stack,
} from './support';

/**
 * The configured rate holds across workers: two newsletter workers (the all-in-one's and a
 * second one) share BullMQ's queue-wide limiter. Counted from the outcome records' times in
 * one-second windows; the bound is generous (window edges), the point is that two workers do
 * not send twice the rate.
 */
const RATE = 25;
const N = 200;
let s: Stack;
let second: Worker;

beforeAll(async () => {
  s = await startStack('nlrate', { NEWSLETTER_RATE: String(RATE) });
  second = createNewsletterWorker({
    config: s.config,
    connection: s.aio.rt.workerConnection(),
    redis: s.aio.rt.redis,
    producer: s.aio.rt.producer,
    logger: s.aio.rt.logger,
  });
});
afterAll(async () => {
  await second.close();
  await s.stop();
});

it(`holds ${RATE} mails per second with two workers`, async () => {
  const list = await createList(s, 'Rate');
  await importConsented(
    s,
    list,
    Array.from({ length: N }, (_, i) => ({ email: `q${i}-${s.db}@example.org` })),
  );
  const id = await createCampaign(s, { subject: `Rate ${s.db}`, audience: { listIds: [list] } });
  await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin);
  await waitSent(s, id, 90_000);
  const times = (await DeliveryOutcome.find({ campaignId: id }, { at: 1 }).lean())
    .map((o) => new Date(o.at).getTime())
    .sort((a, b) => a - b);
  expect(times).toHaveLength(N);
  const perSecond = new Map<number, number>();
  for (const t of times) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  const busiest = Math.max(...perSecond.values());
  const overall = (N - 1) / ((times[N - 1]! - times[0]!) / 1000);
  process.stdout.write(`rate test: ${overall.toFixed(1)}/s overall, busiest second ${busiest}\n`);
  expect(busiest).toBeLessThanOrEqual(2 * RATE);
  expect(overall).toBeLessThanOrEqual(RATE * 1.2);
}, 120_000);
