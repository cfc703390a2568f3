import request from 'supertest';
import { Subscription } from '@qn/funding';
import { waitForMail } from '@qn/testing';
import { startFundingStack, type FundingStack } from './support/funding-stack';
import { address } from './support/subscribers';

/** The office's funding tunables reach the service from the environment, not from code. */
let s: FundingStack;

beforeAll(async () => {
  s = await startFundingStack('fcfg', { env: { FUNDING_PENDING_TTL_HOURS: '5' } });
});
afterAll(() => s.stop());

it('keeps an unconfirmed sign-up as long as FUNDING_PENDING_TTL_HOURS says, and tells the person', async () => {
  const email = address('ttl');
  const before = Date.now();
  expect(
    (await request(s.server).post('/api/funding/subscriptions').send({ email, consent: true })).status,
  ).toBe(202);
  const sub = (await Subscription.findOne({ email }).lean())!;
  const hours = (sub.expiresAt!.getTime() - before) / 3_600_000;
  expect(hours).toBeGreaterThan(4.99);
  expect(hours).toBeLessThan(5.01);
  expect(s.config.FUNDING_PENDING_TTL_HOURS).toBe(5);
  const [mail] = await waitForMail({ to: email, subject: 'Bitte bestätigen' });
  expect(mail!.text.replace(/\s+/g, ' ')).toContain('Der Link ist 5 Stunden gültig.');
});
