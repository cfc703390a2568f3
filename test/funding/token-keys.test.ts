import request from 'supertest';
import { hashToken } from '@qn/auth';
import {
  Subscription,
  SubscriptionTokenKey,
  expirePendingSubscriptions,
  subscriptionToken,
  type SubscriptionDoc,
} from '@qn/funding';
import { startFundingStack, type FundingStack } from './support/funding-stack';
import { address, signUp } from './support/subscribers';

/**
 * Link tokens are found through `_id` pointers (FerretDB scans for any other field), and the
 * subscription's own hashes stay the authority, on the real FerretDB.
 */
let s: FundingStack;

beforeAll(async () => {
  s = await startFundingStack('ftokkeys');
});
afterAll(() => s.stop());

const subOf = async (email: string) => (await Subscription.findOne({ email }).lean<SubscriptionDoc>())!;
const token = (purpose: 'confirm' | 'manage' | 'unsubscribe', sub: SubscriptionDoc) =>
  subscriptionToken(purpose, sub, s.config.SECRET_KEY);

describe('subscription token keys', () => {
  it('stores one pointer per link token, by its hash, and finds the subscription through it', async () => {
    const email = address('keys');
    await signUp(s.server, email, { filters: { fieldsOfAction: ['wohnen'] } });
    const sub = await subOf(email);
    for (const purpose of ['confirm', 'manage', 'unsubscribe'] as const) {
      const key = await SubscriptionTokenKey.findById(hashToken(token(purpose, sub))).lean();
      expect(key).toEqual({ _id: hashToken(token(purpose, sub)), subscriptionId: sub._id });
    }
    const manage = await request(s.server).get(`/api/funding/subscriptions/manage/${token('manage', sub)}`);
    expect(manage.status).toBe(200);
  });

  it('does not let a token of one purpose act for another, nor a pointer outlive its hash', async () => {
    const email = address('purpose');
    await signUp(s.server, email, {});
    const sub = await subOf(email);
    // The manage token's pointer exists, but it is no unsubscribe token.
    expect(
      (
        await request(s.server)
          .post(`/api/funding/unsubscribe/${token('manage', sub)}`)
          .send({})
      ).status,
    ).toBe(404);
    // Links killed on the subscription (as erasure does): the pointer alone finds nothing.
    await Subscription.updateOne({ _id: sub._id }, { $set: { manageTokenHash: `dead-${sub._id}` } });
    expect(
      (await request(s.server).get(`/api/funding/subscriptions/manage/${token('manage', sub)}`)).status,
    ).toBe(404);
    expect((await subOf(email)).status).toBe('confirmed');
  });

  it('drops the pointers of expired sign-ups and keeps those of the rest', async () => {
    const stale = address('stale');
    const fresh = address('fresh');
    await signUp(s.server, stale, {}, { confirm: false });
    await signUp(s.server, fresh, {}, { confirm: false });
    const staleSub = await subOf(stale);
    const freshSub = await subOf(fresh);
    await Subscription.updateOne({ _id: staleSub._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await expirePendingSubscriptions()).toBe(1);
    expect(await SubscriptionTokenKey.countDocuments({ subscriptionId: staleSub._id })).toBe(0);
    expect(await SubscriptionTokenKey.countDocuments({ subscriptionId: freshSub._id })).toBe(3);
    expect(
      (await request(s.server).post(`/api/funding/subscriptions/confirm/${token('confirm', freshSub)}`))
        .status,
    ).toBe(200);
  });
});
