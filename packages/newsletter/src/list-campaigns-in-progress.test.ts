import mongoose from 'mongoose';
import { connectDb, closeDb } from '@qn/db';
import { testConfig, uniqueName } from '@qn/testing';
import { Campaign, Delivery, DeliveryOutcome, FanoutState, listCampaignsInProgress } from './index';

/** Campaigns sending or paused, with sent of total counted from the records. */
const config = testConfig(uniqueName('nlprogress'));

function campaign(_id: string, status: string, startedMinutesAgo?: number) {
  return {
    _id,
    name: `Kampagne ${_id}`,
    subject: 's',
    from: { name: 'n', email: 'n@example.org' },
    bodyMarkdown: 'b',
    lang: 'de',
    audience: { listIds: [] },
    status,
    gen: 1,
    startedAt:
      startedMinutesAgo === undefined ? undefined : new Date(Date.now() - startedMinutesAgo * 60_000),
  };
}

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
  await Campaign.insertMany([
    campaign('draft', 'draft'),
    campaign('sent', 'sent', 90),
    campaign('paused', 'paused', 60),
    campaign('sending', 'sending', 5),
  ]);
  // Paused halfway after the fan-out: the total is the fan-out's; still expanding: the records so far.
  await FanoutState.create({ _id: 'paused', expanded: true, total: 10 });
  await DeliveryOutcome.insertMany(
    ['a', 'b', 'c'].map((r) => ({
      _id: `paused:${r}`,
      campaignId: 'paused',
      status: 'sent',
      at: new Date(),
    })),
  );
  await DeliveryOutcome.create({ _id: 'paused:d', campaignId: 'paused', status: 'failed', at: new Date() });
  await Delivery.collection.insertMany([
    { _id: 'sending:x', campaignId: 'sending' } as never,
    { _id: 'sending:y', campaignId: 'sending' } as never,
  ]);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await closeDb();
});

it('lists the campaigns going out or paused, latest started first, with sent of total', async () => {
  const items = await listCampaignsInProgress();
  expect(items.map((c) => [c.id, c.status, c.sent, c.total, c.expanded])).toEqual([
    ['sending', 'sending', 0, 2, false],
    ['paused', 'paused', 3, 10, true],
  ]);
  expect(await listCampaignsInProgress({ limit: 1 })).toHaveLength(1);
});
