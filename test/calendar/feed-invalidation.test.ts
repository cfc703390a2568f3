import mongoose from 'mongoose';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { closeDb } from '@qn/db';
import { Event } from '@qn/events';
import { Programme } from '@qn/funding';
import { createLogger } from '@qn/log';
import { Producer } from '@qn/queue';
import { deleteQueueKeys, eventually, testConfig, uniqueName } from '@qn/testing';
import { createCalendarWorker } from '@qn/worker-calendar';
import { event, organisation, programme, registration } from './fixtures';
import { rawRequest, startCalendar, type CalendarHarness } from './harness';
import { parseIcs } from './parse-ics';

/**
 * Two service processes' worth of caches (A and B) and the calendar worker on the real queue:
 * a domain event reaches every cache, and a revoked personal feed stops in every process.
 */
const config = testConfig(uniqueName('calinv'));
const NOW = new Date('2026-11-20T12:00:00Z');
let a: CalendarHarness;
let b: CalendarHarness;
let worker: Worker;
let producer: Producer;
let producerRedis: Redis;
let workerRedis: Redis;
let eventId: string;

beforeAll(async () => {
  a = await startCalendar(config, { now: () => NOW });
  b = await startCalendar(config, { now: () => NOW });
  await organisation('stadt-nuertingen', 'Stadt Nürtingen – Seniorenbüro');
  eventId = String((await event({ title: 'Erster Titel' }))._id);
  await programme({ _id: 'quartiersimpulse', title: 'Quartiersimpulse', deadlines: ['2026-12-31'] });
  producerRedis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  producer = new Producer(producerRedis, config.QUEUE_PREFIX);
  workerRedis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  worker = createCalendarWorker({
    config,
    connection: workerRedis,
    redis: producerRedis,
    logger: createLogger({ level: 'silent' }),
  });
});

afterAll(async () => {
  await worker.close();
  await producer.close();
  workerRedis.disconnect();
  producerRedis.disconnect();
  await mongoose.connection.dropDatabase();
  await a.close();
  await b.close();
  await closeDb();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

/** Polls one process's feed until `check` holds (the broadcast is asynchronous). */
async function feedWhen(h: CalendarHarness, path: string, check: (text: string, status: number) => boolean) {
  const feed = await eventually(
    `${path} matching`,
    async () => {
      const res = await rawRequest(`${h.url}${path}`);
      return { status: res.status, text: res.body.toString('utf8') };
    },
    { until: ({ text, status }) => check(text, status), timeoutMs: 10_000, intervalMs: 25 },
  );
  return feed.text;
}

const summaries = (text: string) => parseIcs(text).entries.map((e) => `${e.summary}#${e.sequence}`);

describe('feeds follow domain events', () => {
  it('events.changed reaches the caches of every process', async () => {
    for (const h of [a, b])
      expect(summaries(await feedWhen(h, '/feeds/events.ics', () => true))).toEqual(['Erster Titel#0']);
    await Event.updateOne({ _id: eventId }, { $set: { title: 'Neuer Titel', sequence: 1 } });
    await producer.enqueue('events.changed', { eventId, sequence: 1, change: 'updated' });
    for (const h of [a, b]) {
      await feedWhen(h, '/feeds/events.ics', (t) => summaries(t).join() === 'Neuer Titel#1');
      await feedWhen(h, `/feeds/events/${eventId}.ics`, (t) => summaries(t).join() === 'Neuer Titel#1');
    }
  });

  it('a cancellation shows as STATUS:CANCELLED with the raised sequence', async () => {
    await Event.updateOne(
      { _id: eventId },
      { $set: { status: 'cancelled', cancelledAt: new Date(), sequence: 2 } },
    );
    await producer.enqueue('events.changed', { eventId, sequence: 2, change: 'cancelled' });
    const text = await feedWhen(
      a,
      '/feeds/events.ics',
      (t) => parseIcs(t).entries[0]?.status === 'CANCELLED',
    );
    expect(parseIcs(text).entries[0]).toMatchObject({ sequence: 2, summary: 'Abgesagt: Neuer Titel' });
  });

  it('funding.programme-changed rebuilds the deadline feed', async () => {
    const dates = (t: string) => parseIcs(t).entries.map((e) => e.startLocal);
    expect(dates(await feedWhen(b, '/feeds/funding-deadlines.ics', () => true))).toEqual(['2026-12-31']);
    await Programme.updateOne(
      { _id: 'quartiersimpulse' },
      { $set: { deadlines: ['2027-01-15'], openUntil: '2027-01-15' } },
    );
    await producer.enqueue('funding.programme-changed', {
      programmeId: 'quartiersimpulse',
      change: 'deadlines-changed',
      revision: 1,
    });
    for (const h of [a, b])
      await feedWhen(h, '/feeds/funding-deadlines.ics', (t) => dates(t).join() === '2027-01-15');
  });

  it('a revocation made through one process stops the feed in the other at once', async () => {
    const r = await registration(config.SECRET_KEY, eventId, 'dora@example.org', 'confirmed');
    const issued = await fetch(`${a.url}/feeds/personal`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ manageToken: r.manageToken }),
    });
    const { token } = (await issued.json()) as { token: string };
    // B builds and caches the feed.
    expect((await rawRequest(`${b.url}/feeds/personal/${token}.ics`)).status).toBe(200);
    const revoked = await fetch(`${a.url}/feeds/personal/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ manageToken: r.manageToken }),
    });
    expect(revoked.status).toBe(204);
    await feedWhen(b, `/feeds/personal/${token}.ics`, (_t, status) => status === 404);
    expect((await rawRequest(`${a.url}/feeds/personal/${token}.ics`)).status).toBe(404);
  });
});
