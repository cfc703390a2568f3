import { eventually, waitForMail } from '@qn/testing';
import {
  admin,
  createCampaign,
  createList,
  importConsented,
  progressOf,
  startStack,
  type Stack,
} from '../newsletter/support';
import { programmeBody } from '../funding/support/funding-stack';
import { tokenIn } from '../funding/support/links';

/**
 * Alert and campaign progress on /metrics after real work on the real stack: a programme
 * published to a confirmed subscriber, a campaign paused halfway.
 */
const METRICS_TOKEN = 'progress-metrics-token-0123456789abcdef';
let s: Stack;

beforeAll(async () => {
  // Two mails a second: the campaign is still under way when it is paused.
  s = await startStack('progmetrics', { METRICS_TOKEN, NEWSLETTER_RATE: '2' });
});
afterAll(() => s.stop());

async function scrape(): Promise<string> {
  const res = await s.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
  expect(res.status).toBe(200);
  return res.text;
}

function sample(body: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = body.split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('progress metrics', () => {
  it('counts funding alerts matched, enqueued and sent', async () => {
    const email = `alerts-${s.db}@example.org`;
    await s.http.post('/api/funding/subscriptions').send({ email, consent: true }).expect(202);
    const [ask] = await waitForMail({ to: email, subject: 'Bitte bestätigen' });
    await s.http.post(`/api/funding/subscriptions/confirm/${tokenIn(ask!, 'confirm')}`).expect(200);
    const title = `Metrik-Programm ${s.db}`;
    const created = await s.http.post('/api/funding/programmes').set(admin).send(programmeBody({ title }));
    await s.http.post(`/api/funding/programmes/${created.body.id}/publish`).set(admin).expect(200);
    await waitForMail({ to: email, subject: title }, { timeoutMs: 30_000 });
    const body = await eventually('alert sent counted', scrape, {
      until: (b) => (sample(b, 'qn_funding_alerts_total', { outcome: 'sent' }) ?? 0) >= 1,
      timeoutMs: 10_000,
    });
    expect(sample(body, 'qn_funding_alerts_total', { outcome: 'matched' })).toBeGreaterThanOrEqual(1);
    expect(sample(body, 'qn_funding_alerts_total', { outcome: 'enqueued' })).toBeGreaterThanOrEqual(1);
  });

  it('shows recipients by state for a campaign under way, and drops it once cancelled', async () => {
    const listId = await createList(s, 'Metriken');
    await importConsented(
      s,
      listId,
      Array.from({ length: 8 }, (_, i) => ({ email: `leser${i}-${s.db}@example.org` })),
    );
    const id = await createCampaign(s, { subject: `Metriken ${s.db}`, audience: { listIds: [listId] } });
    await s.http
      .post(`/api/newsletter/campaigns/${id}/send`)
      .set(admin)
      .expect((r) => r.status < 300);
    await eventually('first mails', () => progressOf(s, id), {
      until: (p) => p.total === 8 && p.sent >= 1,
      timeoutMs: 20_000,
    });
    await s.http
      .post(`/api/newsletter/campaigns/${id}/pause`)
      .set(admin)
      .expect((r) => r.status < 300);
    const p = await progressOf(s, id);
    const body = await scrape();
    expect(sample(body, 'qn_newsletter_campaign_recipients', { campaign: id, state: 'total' })).toBe(8);
    const sent = sample(body, 'qn_newsletter_campaign_recipients', { campaign: id, state: 'sent' })!;
    const remaining = sample(body, 'qn_newsletter_campaign_recipients', {
      campaign: id,
      state: 'remaining',
    })!;
    // Paused: in-flight mails may still land between the two reads, never more than the total.
    expect(sent).toBeGreaterThanOrEqual(p.sent);
    const of = (state: string) => sample(body, 'qn_newsletter_campaign_recipients', { campaign: id, state })!;
    expect(sent + remaining + of('failed') + of('skipped')).toBe(8);
    expect(sample(body, 'qn_newsletter_campaign_rate', { campaign: id })).toBeGreaterThanOrEqual(0);
    await s.http
      .post(`/api/newsletter/campaigns/${id}/cancel`)
      .set(admin)
      .expect((r) => r.status < 300);
    expect(
      sample(await scrape(), 'qn_newsletter_campaign_recipients', { campaign: id, state: 'total' }),
    ).toBe(undefined);
  });
});
