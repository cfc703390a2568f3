import mongoose from 'mongoose';
import { connectDb } from '@qn/db';
import { Programme, searchProgrammes } from '@qn/funding';
import { seedFunding } from '../../packages/seed/src/seed-funding';
import { testConfig, uniqueName } from '@qn/testing';

const config = testConfig(uniqueName('fseed'));
beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

it('seeds a realistic programme set idempotently, with open, closing-soon and closed entries', async () => {
  await seedFunding();
  await seedFunding();
  expect(await Programme.countDocuments()).toBe(6);
  const open = await searchProgrammes({ openNow: true });
  expect(open.total).toBe(4); // one closed, one not open yet
  expect((await searchProgrammes({ closingWithinDays: 14 })).items.map((p) => p._id)).toEqual([
    'demo-sonderprogramm-quartier',
  ]);
  expect((await searchProgrammes({ provider: 'stiftung' })).items[0]!.rolling).toBe(true);
  expect((await searchProgrammes({ q: 'Quartiersimpulse' })).total).toBe(1);
});
