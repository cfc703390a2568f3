import { DeliveryClaim, DeliveryOutcome } from '@qn/newsletter';
import { eventually } from '@qn/testing';
import {
  admin,
  createCampaign,
  createList,
  importConsented,
  mailCounts,
  progressOf,
  startStack,
  waitSent,
  type Stack,
} from './support';

/**
 * Pause stops the sending within moments, resume continues without duplicates, cancel ends it;
 * progress is counted from the records. The rate is kept low so there is time to act.
 */
const N = 120;
let s: Stack;
let list: string;
let addresses: string[];

beforeAll(async () => {
  s = await startStack('nlpause', { NEWSLETTER_RATE: '20' });
  list = await createList(s, 'Pause');
  addresses = Array.from({ length: N }, (_, i) => `p${i}-${s.db}@example.org`);
  await importConsented(
    s,
    list,
    addresses.map((email, i) => ({ email, name: i % 2 ? `Person ${i}` : undefined })),
  );
});
afterAll(() => s.stop());

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

it('pauses, sends nothing while paused, and resumes to one mail per recipient', async () => {
  const subject = `Pause ${s.db}`;
  const id = await createCampaign(s, { subject, audience: { listIds: [list] } });
  expect((await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin)).status).toBe(202);
  await eventually('20 mails', async () => sum(await mailCounts(subject, addresses)), {
    until: (n) => n >= 20,
    timeoutMs: 30_000,
  });

  const sending = await progressOf(s, id);
  expect(sending.status).toBe('sending');
  expect(sending.rate).toBeGreaterThan(0);
  expect(sending.eta).not.toBeNull();

  const paused = await s.http.post(`/api/newsletter/campaigns/${id}/pause`).set(admin);
  expect(paused.status).toBe(200);
  expect(paused.body.status).toBe('paused');
  // Send jobs see the status within half a second (the worker's campaign cache); jobs that had
  // already claimed a recipient finish (no claim without outcome); after that nothing moves.
  await new Promise((r) => setTimeout(r, 1_000));
  const settled = async () => {
    const [claims, outcomes] = await Promise.all([
      DeliveryClaim.countDocuments({ campaignId: id }),
      DeliveryOutcome.countDocuments({ campaignId: id }),
    ]);
    return { claims, outcomes };
  };
  const atPauseRecords = await eventually('in-flight mails done', settled, {
    until: (c) => c.claims === c.outcomes,
    timeoutMs: 20_000,
  });
  const atPause = sum(await mailCounts(subject, addresses));
  await new Promise((r) => setTimeout(r, 3_000));
  expect(await settled()).toEqual(atPauseRecords);
  expect(sum(await mailCounts(subject, addresses))).toBe(atPause);
  expect(atPause).toBeLessThan(N);

  const p = await progressOf(s, id);
  expect(p).toMatchObject({ status: 'paused', total: N, sent: atPause, remaining: N - atPause, eta: null });
  expect(await DeliveryOutcome.countDocuments({ campaignId: id })).toBe(atPause);

  // Illegal moves are refused with 409.
  expect((await s.http.post(`/api/newsletter/campaigns/${id}/pause`).set(admin)).status).toBe(409);
  expect(
    (await s.http.patch(`/api/newsletter/campaigns/${id}`).set(admin).send({ subject: 'neu' })).status,
  ).toBe(409);

  expect((await s.http.post(`/api/newsletter/campaigns/${id}/resume`).set(admin)).body.status).toBe(
    'sending',
  );
  const done = await waitSent(s, id, 60_000);
  expect(done).toMatchObject({ total: N, sent: N, remaining: 0, failed: 0 });
  const counts = await mailCounts(subject, addresses);
  expect(counts.size).toBe(N);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
}, 120_000);

it('cancels a running campaign: no more mails, the rest stays unsent', async () => {
  const subject = `Abbruch ${s.db}`;
  const id = await createCampaign(s, { subject, audience: { listIds: [list] } });
  await s.http.post(`/api/newsletter/campaigns/${id}/send`).set(admin);
  await eventually('10 mails', async () => sum(await mailCounts(subject, addresses)), {
    until: (n) => n >= 10,
    timeoutMs: 30_000,
  });
  expect((await s.http.post(`/api/newsletter/campaigns/${id}/cancel`).set(admin)).body.status).toBe(
    'cancelled',
  );
  await new Promise((r) => setTimeout(r, 1_000)); // the worker's campaign cache, as above
  await eventually(
    'in-flight mails done',
    async () => [
      await DeliveryClaim.countDocuments({ campaignId: id }),
      await DeliveryOutcome.countDocuments({ campaignId: id }),
    ],
    { until: ([c, o]) => c === o, timeoutMs: 20_000 },
  );
  const atCancel = sum(await mailCounts(subject, addresses));
  await new Promise((r) => setTimeout(r, 2_000));
  expect(sum(await mailCounts(subject, addresses))).toBe(atCancel);
  const p = await progressOf(s, id);
  expect(p.status).toBe('cancelled');
  expect(p.remaining).toBe(N - atCancel);
  expect((await s.http.post(`/api/newsletter/campaigns/${id}/resume`).set(admin)).status).toBe(409);
}, 60_000);
