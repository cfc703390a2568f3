import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { connectDb } from '@qn/db';
import { Producer, QueueName, toJobId } from '@qn/queue';
import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';
import { closeExpiredProgrammes } from './close-expired-programmes';
import { createProgramme } from './create-programme';
import { Programme } from './models/programme';
import { publishProgramme } from './publish-programme';
import { searchProgrammes } from './search-programmes';
import { updateProgramme } from './update-programme';
import type { CreateProgrammeInput } from './programme-input';

const config = testConfig(uniqueName('fclose'));
let redis: Redis;
let producer: Producer;
const NOW = new Date('2027-05-10T10:00:00Z');

beforeAll(async () => {
  await connectDb({ url: config.MONGODB_URL });
  redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  producer = new Producer(redis, config.QUEUE_PREFIX);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  await producer.close();
  redis.disconnect();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

async function published(title: string, dates: { deadlines?: string[]; rolling?: boolean }): Promise<string> {
  const p = await createProgramme({
    input: {
      title,
      provider: 'land',
      providerName: 'Ministerium',
      summary: 'Förderung.',
      fieldsOfAction: ['teilhabe'],
      applicantTypes: ['kommune'],
      region: { scope: 'state' },
      deadlines: dates.deadlines ?? [],
      rolling: dates.rolling ?? false,
      links: [{ label: 'Ausschreibung', url: 'https://example.org/a' }],
    } as CreateProgrammeInput,
  });
  await publishProgramme({ id: p._id, producer });
  return p._id;
}

const feedJobs = async (id: string) =>
  (await producer.queue(QueueName.domainEvents).getJobs(['waiting', 'delayed', 'completed', 'active']))
    .filter(
      (j) => j?.name === 'funding.programme-changed' && j.id?.includes(toJobId(`:${id}:details-changed:`)),
    )
    .map((j) => j.id);

it('closes past-deadline programmes once, leaves rolling and current ones open, lists them last', async () => {
  const past = await published('A abgelaufen', { deadlines: ['2027-01-31', '2027-05-09'] });
  const older = await published('B länger abgelaufen', { deadlines: ['2026-12-31'] });
  const today = await published('C Frist heute', { deadlines: ['2027-05-10'] });
  const later = await published('D später', { deadlines: ['2027-04-01', '2027-09-30'] });
  const rolling = await published('E laufend', { rolling: true });

  const first = await closeExpiredProgrammes({ producer, now: NOW });
  expect(first.closed.sort()).toEqual([past, older].sort());
  expect((await Programme.findById(past).lean())!.closedAt).toEqual(NOW);
  for (const id of [today, later, rolling])
    expect((await Programme.findById(id).lean())!.closedAt).toBeUndefined();
  expect(await feedJobs(past)).toEqual([
    toJobId(`funding-programme-changed:${past}:details-changed:${NOW.getTime()}`),
  ]);

  // A second run, later the same day: nothing new, the same feed job (no duplicate).
  const again = await closeExpiredProgrammes({ producer, now: new Date(NOW.getTime() + 3_600_000) });
  expect(again.closed).toEqual([]);
  expect((await Programme.findById(past).lean())!.closedAt).toEqual(NOW);
  expect(await feedJobs(past)).toHaveLength(1);

  const { items, total } = await searchProgrammes({}, { now: NOW });
  expect(total).toBe(5);
  expect(items.map((p) => p._id)).toEqual([today, later, rolling, past, older]);
  // Paging runs across the two parts.
  const page2 = await searchProgrammes({ page: 2, limit: 2 }, { now: NOW });
  expect(page2.items.map((p) => p._id)).toEqual([rolling, past]);
  const page3 = await searchProgrammes({ page: 3, limit: 2 }, { now: NOW });
  expect(page3.items.map((p) => p._id)).toEqual([older]);

  // A new round reopens it; the list puts it back among the open ones.
  await updateProgramme({ id: past, patch: { deadlines: ['2027-05-09', '2027-11-30'] }, producer, now: NOW });
  expect((await Programme.findById(past).lean())!.closedAt).toBeUndefined();
  const reopened = await searchProgrammes({}, { now: NOW });
  expect(reopened.items.map((p) => p._id)).toEqual([today, later, past, rolling, older]);
  expect((await closeExpiredProgrammes({ producer, now: NOW })).closed).toEqual([]);
});
